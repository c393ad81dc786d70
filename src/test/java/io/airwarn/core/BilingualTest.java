package io.airwarn.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BilingualTest {

    @Test
    void eachClauseKeepsItsLanguage() {
        String measure = "停产（保留必要设施运行） (stop production (keep essential equipment running))；停课，自12月3日起 "
                + "(classes suspended from 2026-12-03)";
        assertEquals("停产（保留必要设施运行）；停课，自12月3日起", Bilingual.zh(measure));
        assertEquals("stop production (keep essential equipment running); classes suspended from 2026-12-03",
                Bilingual.en(measure));
        assertEquals("长春市教育局", Bilingual.zh("长春市教育局 / Changchun Education Bureau"));
        assertEquals("Changchun Education Bureau", Bilingual.en("长春市教育局 / Changchun Education Bureau"));
    }

    @Test
    void textInOneLanguageIsLeftAsItIs() {
        assertEquals("限产30%（夜间）", Bilingual.zh("限产30%（夜间）"));
        assertEquals("AQI (HJ 633)", Bilingual.zh("AQI (HJ 633)"));
        assertEquals("一汽（长春）工厂", Bilingual.zh("一汽（长春）工厂 (FAW plant)"));
    }
}
