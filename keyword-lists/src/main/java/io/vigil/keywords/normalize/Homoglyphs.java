package io.vigil.keywords.normalize;

/**
 * Cyrillic and Greek letters that look like Latin ones, the classic way to slip a word past a
 * filter ({@code ѕuісіdе} written with Cyrillic s, i, e). Upper and lower case are mapped before
 * case folding because some capitals look different from their small letters (Greek Η is "H", η is "n").
 */
final class Homoglyphs {

    private static final String FROM =
            "АВЕКМНОРСТХУІЈЅԚԜҮӀЬ" + "авекмнорстхуіјѕԛԝүһӏԁьп"
            + "ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ" + "αβγεηικνορτυχωμς";
    private static final String TO =
            "abekmhopctxyijsqwylb" + "abekmhopctxyijsqwyhldbn"
            + "abezhikmnoptyx" + "abyenikvoptuxwus";

    static {
        if (FROM.length() != TO.length()) {
            throw new AssertionError("homoglyph table out of step");
        }
    }

    private Homoglyphs() {
    }

    static int toLatin(int cp) {
        if (cp < 0x370 || cp > 0x52F) {
            return cp;
        }
        int i = FROM.indexOf(cp);
        return i < 0 ? cp : TO.charAt(i);
    }
}
