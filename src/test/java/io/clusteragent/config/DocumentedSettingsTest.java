package io.clusteragent.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Users read the README's configuration table; it must list every setting the agent reads, with its flag and default. */
class DocumentedSettingsTest {

    @Test
    void everySettingIsInTheReadmeTableWithItsFlagAndDefault() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        for (Setting setting : Setting.values()) {
            String row = readme.lines()
                    .filter(line -> line.startsWith("| `" + setting.env() + "`"))
                    .findFirst()
                    .orElse("");
            assertThat(row).as("README row for " + setting.env()).contains("`" + setting.flag() + "`");
            if (!setting.defaultValue().isEmpty()) {
                assertThat(row).as("default of " + setting.env()).contains("`" + setting.defaultValue() + "`");
            }
            setting.aliases().forEach(alias -> assertThat(row).contains(alias));
        }
    }
}
