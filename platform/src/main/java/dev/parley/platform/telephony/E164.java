package dev.parley.platform.telephony;

import dev.parley.platform.common.InvalidInput;
import java.util.regex.Pattern;

/** Phone numbers in E.164 form: {@code +}, then 2 to 15 digits, the first not 0 (ITU-T E.164 §6). */
public final class E164 {

    public static final Pattern PATTERN = Pattern.compile("^\\+[1-9][0-9]{1,14}$");
    public static final String RULE = "must be an E.164 number: + and 2 to 15 digits, the first not 0";

    private E164() {
    }

    public static boolean isValid(String text) {
        return text != null && PATTERN.matcher(text).matches();
    }

    /** {@code text} when it is E.164; otherwise InvalidInput naming {@code field}. */
    public static String require(String field, String text) {
        if (!isValid(text)) {
            throw new InvalidInput(field, RULE);
        }
        return text;
    }
}
