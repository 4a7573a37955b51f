package io.vigil.console.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CategoryCatalogTest {

    private final CategoryCatalog catalog = new CategoryCatalog(List.of(
            new CategoryCatalog.Category("suicide", "Suicide"),
            new CategoryCatalog.Category("self_harm", "Self-harm")));

    @Test
    void knownCategoriesAreShownByTheirListName() {
        assertEquals("Self-harm", catalog.nameOf("self_harm"));
    }

    @Test
    void aCategoryFromNewerAgentListsKeepsItsIdRatherThanDisappearing() {
        assertEquals("sextortion", catalog.nameOf("sextortion"));
    }

    @Test
    void categoriesAreOfferedInListOrder() {
        assertEquals(List.of("suicide", "self_harm"), catalog.all().stream().map(CategoryCatalog.Category::id).toList());
    }
}
