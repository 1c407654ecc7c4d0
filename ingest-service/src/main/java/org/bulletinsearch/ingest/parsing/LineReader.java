package org.bulletinsearch.ingest.parsing;

import static org.bulletinsearch.ingest.parsing.BulletinFormatException.Kind.BINARY;
import static org.bulletinsearch.ingest.parsing.BulletinFormatException.Kind.CONTROL_CHARACTER;
import static org.bulletinsearch.ingest.parsing.BulletinFormatException.Kind.INVALID_ENCODING;
import static org.bulletinsearch.ingest.parsing.BulletinFormatException.Kind.LINE_TOO_LONG;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Decodes a byte stream strictly (malformed or unmappable input is an error, never a silent U+FFFD) and
 * splits it into lines at LF, CRLF or CR, keeping count of line numbers so every error can name its line.
 *
 * <p>Memory stays flat whatever the size of the input: two fixed buffers and the current line, which is
 * bounded by the line-length limit. Binary input is recognized early: by its magic number (PNG, JPEG,
 * GIF, PDF, ZIP, gzip, ELF), by NUL characters, or by a high share of control characters.
 */
final class LineReader {

    private static final int BUFFER_SIZE = 16 * 1024;
    /** How much of the start of the file is kept to judge whether undecodable input is binary. */
    private static final int SNIFF_SIZE = 8 * 1024;
    /** Share of control bytes at the start above which undecodable input is called binary, not mis-encoded text. */
    private static final double BINARY_CONTROL_BYTE_RATIO = 0.01;
    /**
     * Share of control characters around the first one above which a file is called binary rather than
     * text with a few stray controls (such as windows-1252 quotes read as ISO-8859-1).
     */
    private static final double BINARY_CONTROL_CHAR_RATIO = 0.10;

    private static final byte[][] MAGIC_NUMBERS = {
            {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'},
            {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
            {'G', 'I', 'F', '8'},
            {'%', 'P', 'D', 'F', '-'},
            {'P', 'K', 0x03, 0x04},
            {'P', 'K', 0x05, 0x06},
            {'P', 'K', 0x07, 0x08},
            {0x1F, (byte) 0x8B},
            {0x7F, 'E', 'L', 'F'},
    };
    private static final String[] MAGIC_NAMES = {"a PNG image", "a JPEG image", "a GIF image", "a PDF document",
            "a ZIP archive", "a ZIP archive", "a ZIP archive", "gzip-compressed data", "an executable (ELF)"};

    private final InputStream in;
    private final Charset charset;
    private final boolean charsetDeclared;
    private final CharsetDecoder decoder;
    private final int maxLineLength;

    private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER_SIZE).flip();
    private final CharBuffer chars = CharBuffer.allocate(BUFFER_SIZE).flip();
    private final StringBuilder line = new StringBuilder(256);
    private byte[] sniffed;
    private long bytesRead;
    private boolean endOfInput;
    private boolean decoded;
    private CoderResult pendingError;

    private int lineNumber = 1;
    private boolean afterCarriageReturn;
    private boolean atLineStart = true;

    LineReader(InputStream in, Charset charset, boolean charsetDeclared, int maxLineLength) {
        this.in = in;
        this.charset = charset;
        this.charsetDeclared = charsetDeclared;
        this.maxLineLength = maxLineLength;
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** The 1-based number of the line that the next {@link #readLine()} returns. */
    int lineNumber() {
        return lineNumber;
    }

    /** The next line without its line end (possibly empty), or {@code null} at the end of the input. */
    String readLine() throws IOException, BulletinFormatException {
        line.setLength(0);
        while (true) {
            if (!chars.hasRemaining() && !refill()) {
                if (line.length() > 0 || !atLineStart) {
                    return endLine();
                }
                return null;
            }
            char c = chars.get();
            if (c == '\n') {
                if (afterCarriageReturn) {
                    // second half of a CRLF: the line already ended at the CR
                    afterCarriageReturn = false;
                    continue;
                }
                return endLine();
            }
            if (c == '\r') {
                String ended = endLine();
                afterCarriageReturn = true;
                return ended;
            }
            afterCarriageReturn = false;
            if (atLineStart && c == '\uFEFF') {
                // byte order mark: at the start of the file, or where two files were joined
                continue;
            }
            atLineStart = false;
            if (isControl(c)) {
                throw controlCharacter(c);
            }
            if (line.length() >= maxLineLength) {
                throw new BulletinFormatException(LINE_TOO_LONG, lineNumber, "line " + lineNumber
                        + " is longer than " + maxLineLength + " characters (ingest.max-line-length)");
            }
            line.append(c);
        }
    }

    private String endLine() {
        String text = line.toString();
        line.setLength(0);
        lineNumber++;
        atLineStart = true;
        afterCarriageReturn = false;
        return text;
    }

    /** Decodes more characters; false once the input is exhausted. */
    private boolean refill() throws IOException, BulletinFormatException {
        if (pendingError != null) {
            throw encodingError(pendingError);
        }
        if (decoded) {
            return false;
        }
        chars.clear();
        while (chars.position() == 0) {
            if (!endOfInput) {
                readBytes();
            }
            CoderResult result = decoder.decode(bytes, chars, endOfInput);
            if (result.isError()) {
                // Characters decoded before the error are handed out first, so the error is reported on
                // the line it is on.
                pendingError = result;
                break;
            }
            if (result.isOverflow()) {
                break;
            }
            if (endOfInput) {
                CoderResult flush = decoder.flush(chars);
                if (flush.isError()) {
                    pendingError = flush;
                }
                decoded = true;
                break;
            }
        }
        chars.flip();
        if (!chars.hasRemaining()) {
            if (pendingError != null) {
                throw encodingError(pendingError);
            }
            return false;
        }
        return true;
    }

    private void readBytes() throws IOException, BulletinFormatException {
        bytes.compact();
        boolean first = sniffed == null;
        // The first read collects a few bytes at least, enough to recognize a magic number.
        int wanted = first ? 8 : 1;
        int got = 0;
        while (got < wanted) {
            int n = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
            if (n < 0) {
                endOfInput = true;
                break;
            }
            bytes.position(bytes.position() + n);
            got += n;
            bytesRead += n;
            if (!bytes.hasRemaining()) {
                break;
            }
        }
        bytes.flip();
        if (first) {
            sniffed = Arrays.copyOf(bytes.array(), Math.min(bytes.remaining(), SNIFF_SIZE));
            checkStart(sniffed);
        }
    }

    private void checkStart(byte[] start) throws BulletinFormatException {
        for (int i = 0; i < MAGIC_NUMBERS.length; i++) {
            byte[] magic = MAGIC_NUMBERS[i];
            if (start.length >= magic.length && Arrays.equals(start, 0, magic.length, magic, 0, magic.length)) {
                throw new BulletinFormatException(BINARY, "this is " + MAGIC_NAMES[i] + ", not a text bulletin");
            }
        }
        boolean utf8Bom = start.length >= 3 && (start[0] & 0xFF) == 0xEF && (start[1] & 0xFF) == 0xBB
                && (start[2] & 0xFF) == 0xBF;
        boolean utf16Bom = start.length >= 2 && (((start[0] & 0xFF) == 0xFF && (start[1] & 0xFF) == 0xFE)
                || ((start[0] & 0xFF) == 0xFE && (start[1] & 0xFF) == 0xFF));
        boolean wideCharset = isWide(charset);
        if (utf8Bom && !charset.equals(StandardCharsets.UTF_8)) {
            throw new BulletinFormatException(INVALID_ENCODING, 1, "the file starts with a UTF-8 byte order mark but "
                    + "the request declares charset " + charset.name() + "; send it as UTF-8 or without the mark");
        }
        if (utf16Bom && !wideCharset) {
            throw new BulletinFormatException(INVALID_ENCODING, 1, "the file starts with a UTF-16 byte order mark"
                    + " but is read as " + charset.name() + "; declare it: Content-Type: text/plain; charset=UTF-16");
        }
    }

    private BulletinFormatException encodingError(CoderResult error) {
        if (!isWide(charset) && looksBinary(sniffed)) {
            return new BulletinFormatException(BINARY, "binary content: the start of the file is not text");
        }
        String what = error.isUnmappable() ? "a byte sequence that has no character in " + charset.name()
                : "bytes that are not valid " + charset.name();
        String hint = charsetDeclared ? ""
                : "; no charset was declared, so UTF-8 was expected. If the file is in another encoding, declare"
                        + " it (e.g. Content-Type: text/plain; charset=windows-1252)";
        return new BulletinFormatException(INVALID_ENCODING, lineNumber, "line " + lineNumber + " contains " + what
                + hint);
    }

    /** UTF-16 and UTF-32 text is full of NUL bytes; byte-level binary checks do not apply to it. */
    private static boolean isWide(Charset charset) {
        String name = charset.name().toUpperCase(Locale.ROOT);
        return name.startsWith("UTF-16") || name.startsWith("UTF-32");
    }

    private static boolean looksBinary(byte[] start) {
        if (start == null || start.length == 0) {
            return false;
        }
        int control = 0;
        for (byte b : start) {
            int v = b & 0xFF;
            if (v == 0) {
                return true;
            }
            if ((v < 0x20 && v != '\t' && v != '\n' && v != '\r' && v != '\f' && v != 0x0B) || v == 0x7F) {
                control++;
            }
        }
        return control > start.length * BINARY_CONTROL_BYTE_RATIO;
    }

    /** C0 and C1 control characters other than the whitespace ones (tab, form feed, vertical tab). */
    private static boolean isControl(char c) {
        return (c < 0x20 && c != '\t' && c != '\f' && c != 0x0B) || (c >= 0x7F && c <= 0x9F);
    }

    private BulletinFormatException controlCharacter(char c) {
        String codePoint = String.format("U+%04X", (int) c);
        if (c == 0) {
            return new BulletinFormatException(BINARY, lineNumber, "line " + lineNumber
                    + " contains a NUL character: binary content, not a text bulletin");
        }
        // Many control characters close together: a binary file; a single one: text with a stray control.
        int controls = 1;
        int window = chars.remaining() + 1;
        for (int i = chars.position(); i < chars.limit(); i++) {
            if (isControl(chars.get(i))) {
                controls++;
            }
        }
        if (window >= 64 && controls > window * BINARY_CONTROL_CHAR_RATIO) {
            return new BulletinFormatException(BINARY, lineNumber, "binary content from line " + lineNumber + ": "
                    + controls + " control characters in " + window + " characters");
        }
        String hint = c >= 0x80 ? " (a C1 control character: windows-1252 text declared as ISO-8859-1?)" : "";
        return new BulletinFormatException(CONTROL_CHARACTER, lineNumber, "line " + lineNumber
                + " contains the control character " + codePoint + ", which a text bulletin does not" + hint);
    }
}
