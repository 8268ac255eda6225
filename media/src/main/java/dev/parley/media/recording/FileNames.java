package dev.parley.media.recording;

/**
 * File names from participant identities: identities may hold any letter, '/', '=' and '+'
 * (docs: identities), file systems and shells want less. Everything but ASCII letters,
 * digits, '.', '_', '-', '+' and '=' becomes '_'; a leading '.' too, so no name is hidden or
 * climbs a directory.
 */
final class FileNames {

    private static final int MAX = 80;

    private FileNames() {
    }

    static String sanitize(String name) {
        var sb = new StringBuilder(Math.min(name.length(), MAX));
        for (int i = 0; i < name.length() && sb.length() < MAX; i++) {
            char c = name.charAt(i);
            boolean safe = c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-' || c == '+'
                    || c == '=');
            sb.append(safe && !(c == '.' && sb.isEmpty()) ? c : '_');
        }
        return sb.isEmpty() ? "_" : sb.toString();
    }
}
