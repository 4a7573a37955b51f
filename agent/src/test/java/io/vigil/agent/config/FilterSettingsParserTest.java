package io.vigil.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilterSettingsParserTest {

    private static Properties props(Map<String, String> values) {
        Properties p = new Properties();
        p.putAll(values);
        return p;
    }

    @Test
    void offUnlessEnabled() {
        assertFalse(FilterSettingsParser.parse(props(Map.of())).enabled());
    }

    @Test
    void readsEveryKey() {
        FilterSettings s = FilterSettingsParser.parse(props(Map.of("filter.enabled", "true",
                "filter.listen", "127.0.0.153:53", "filter.upstream", "1.1.1.3:53, 9.9.9.9:53",
                "filter.upstream_timeout_ms", "800", "filter.block_address", "127.0.0.2",
                "filter.block_page", "127.0.0.2:8080")));
        assertTrue(s.enabled());
        assertEquals(new InetSocketAddress("127.0.0.153", 53), s.listen());
        assertEquals(List.of(new InetSocketAddress("1.1.1.3", 53), new InetSocketAddress("9.9.9.9", 53)), s.upstreams());
        assertEquals(Duration.ofMillis(800), s.upstreamTimeout());
        assertEquals("127.0.0.2", s.blockAddresses().get(0).getHostAddress());
        assertEquals(Optional.of(new InetSocketAddress("127.0.0.2", 8080)), s.blockPage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            filter.enabled=yes                                  | key 'filter.enabled': must be true or false
            filter.enabled=true                                 | key 'filter.upstream': the filter needs at least one upstream
            filter.upstream=dns.google:53                       | key 'filter.upstream': 'dns.google' must be an IP address
            filter.listen=127.0.0.1                             | key 'filter.listen': '127.0.0.1' must be ADDRESS:PORT
            filter.upstream_timeout_ms=5                        | key 'filter.upstream_timeout_ms': must be a whole number 50-30000
            filter.block_page=127.0.0.1:99999                   | key 'filter.block_page': port in '127.0.0.1:99999' must be 0-65535
            """)
    void aBadValueNamesItsKey(String setting, String message) {
        String[] kv = setting.split("=", 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FilterSettingsParser.parse(props(Map.of(kv[0], kv[1]))));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }
}
