package org.smartcontainer.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The audit table's column sizes in every database's migrations are the ones the events are bounded to. */
class AuditColumnsTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void theMigrationsCreateTheColumnsTheEventsAreBoundedTo(String database) throws IOException {
        String sql;
        try (InputStream in = getClass().getResourceAsStream("/db/migration/" + database + "/V1__initial_schema.sql")) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher table = Pattern.compile("CREATE TABLE SMART_AUDIT_EVENT \\((.*?)\\);").matcher(sql);
        table.find();
        Map<String, Integer> expected = Map.of("ID", AuditEvent.ID_LENGTH, "ACCOUNT", AuditEvent.ACCOUNT_LENGTH,
                "APP_ID", AuditEvent.APP_LENGTH, "CALL_NAME", AuditEvent.CALL_LENGTH, "HTTP_METHOD",
                AuditEvent.METHOD_LENGTH, "PATH", AuditEvent.PATH_LENGTH, "RECORD_ID", AuditEvent.RECORD_LENGTH);
        Matcher column = Pattern.compile("(\\w+) VARCHAR\\((\\d+)\\)").matcher(table.group(1));
        int found = 0;
        while (column.find()) {
            assertEquals(expected.get(column.group(1)), Integer.valueOf(column.group(2)), column.group(1));
            found++;
        }
        assertEquals(expected.size(), found);
    }
}
