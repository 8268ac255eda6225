package dev.parley.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.platform.calls.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The code table exists three times: the server's {@link ErrorCode}, the browser SDK's
 * {@code sdk/js/src/errors.ts}, and the table in {@code docs/signaling.md} that other SDKs
 * are written from. They must name the same codes with the same ids, or a client shows the
 * wrong reason for a call's end.
 */
class ErrorCodeTableTest {

    private static final Pattern SDK_ROW = Pattern.compile("^\\s+([A-Z_]+): \\[(\\d+),", Pattern.MULTILINE);
    private static final Pattern DOC_ROW = Pattern.compile("^\\| (\\d{5}) \\| ([A-Z_]+) \\|", Pattern.MULTILINE);

    private static Map<String, Integer> server() {
        return Arrays.stream(ErrorCode.values()).collect(Collectors.toMap(Enum::name, ErrorCode::id,
                (a, b) -> a, LinkedHashMap::new));
    }

    @Test
    void theSdkHasTheServersCodes() throws IOException {
        String source = Files.readString(ModuleLayeringTest.repositoryRoot().resolve("sdk/js/src/errors.ts"));
        Map<String, Integer> sdk = new LinkedHashMap<>();
        Matcher m = SDK_ROW.matcher(source);
        while (m.find()) {
            sdk.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        assertEquals(server(), sdk);
    }

    @Test
    void dynamicDestinationFailuresCarryTheCallEndCodesOfTheirNames() {
        for (var failure : dev.parley.platform.ddr.ResolveFailure.values()) {
            assertEquals(ErrorCode.valueOf(failure.name()).id(), failure.code(), failure.name());
        }
    }

    @Test
    void theProtocolDocumentHasTheServersCodes() throws IOException {
        String doc = Files.readString(ModuleLayeringTest.repositoryRoot().resolve("docs/signaling.md"));
        Map<String, Integer> documented = new LinkedHashMap<>();
        Matcher m = DOC_ROW.matcher(doc);
        while (m.find()) {
            documented.put(m.group(2), Integer.parseInt(m.group(1)));
        }
        assertEquals(server(), documented);
    }
}
