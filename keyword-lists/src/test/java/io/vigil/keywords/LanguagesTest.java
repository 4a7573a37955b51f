package io.vigil.keywords;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The lists read the languages pupils write in, and the verdict says which language matched. */
class LanguagesTest {

    private final KeywordEngine engine = KeywordEngine.bundled();

    @ParameterizedTest(name = "[{index}] {1}: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            chcę umrzeć, nikt mnie nie rozumie           | pl | suicide          | 4
            zabije sie dzisiaj w nocy, mam tabletki mamy | pl | suicide          | 5
            nu mai vreau să trăiesc                      | ro | suicide          | 4
            میں خودکشی کرنا چاہتا ہوں                      | ur | suicide          | 4
            abbu mujhe marte hain roz                    | ur | abuse            | 4
            ਮੈਂ ਮਰਨਾ ਚਾਹੁੰਦਾ ਹਾਂ                          | pa | suicide          | 4
            আমি মরতে চাই                                  | bn | suicide          | 4
            أُرِيدُ أَنْ أَمُوتَ                            | ar | suicide          | 4
            bade ente7er wallah                          | ar | suicide          | 4
            الليلة انتحر بالحبوب                          | ar | suicide          | 5
            meu pai me bate quando bebe                  | pt | abuse            | 4
            no se lo digas a tus padres                  | es | grooming         | 4
            waan is dilayaa                              | so | suicide          | 4
            šiandien nusižudysiu                         | lt | suicide          | 4
            મારે મરવું છે                                  | gu | suicide          | 4
            kendimi öldüreceğim                          | tr | suicide          | 4
            KENDİMİ ÖLDÜRECEĞİM                          | tr | suicide          | 4
            yarin onu oldurecegim bicakla                | tr | violence_weapons | 4
            """)
    void eachLanguageIsReadAndNamed(String text, String language, String category, int severity) {
        Verdict v = engine.scan(text);
        assertEquals(category, v.category(), v::toString);
        assertEquals(severity, v.severity(), v::toString);
        assertEquals(language, v.language(), v::toString);
    }
}
