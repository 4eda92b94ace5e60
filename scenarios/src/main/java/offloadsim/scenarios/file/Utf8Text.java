package offloadsim.scenarios.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a text file that must be UTF-8, saying where it is not (Files.readString only says "Input length = 1"). */
public final class Utf8Text {
    private Utf8Text() {}

    /** Thrown for a file that is not UTF-8; the message is one line naming the first bad byte. */
    public static final class NotUtf8Exception extends IOException {
        NotUtf8Exception(String message) {
            super(message);
        }
    }

    public static String read(Path path) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = d.decode(in, out, true);
        if (!r.isError()) r = d.flush(out);
        if (r.isError()) {
            int at = in.position();
            throw new NotUtf8Exception("not UTF-8 text" + (at < bytes.length ? " (byte 0x" + String.format("%02x", bytes[at] & 0xff) + " at offset " + at + ")" : " (it ends inside a character)"));
        }
        return out.flip().toString();
    }
}
