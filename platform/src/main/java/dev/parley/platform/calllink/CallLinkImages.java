package dev.parley.platform.calllink;

import dev.parley.platform.common.InvalidInput;
import dev.parley.platform.common.NotFound;
import dev.parley.platform.common.Page;
import dev.parley.platform.common.Secrets;
import dev.parley.platform.store.Database;
import dev.parley.platform.store.Sql;
import dev.parley.platform.telephony.Conflict;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The logos and backgrounds of an account's call-link themes. An upload is kept only when
 * its bytes are PNG, JPEG or WebP (never SVG, which can carry scripts), within its type's size,
 * and with each side within its type's bounds. The bytes are stored in the database.
 */
public final class CallLinkImages {

    private static final String COLUMNS = "id, account_id, name, type, content_type, size_bytes, width, height, created_at";
    private static final int MAX_NAME = 255;

    private final Database database;
    private final Clock clock;

    public CallLinkImages(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public CallLinkImage upload(String accountId, ImageType type, String fileName, byte[] bytes) {
        if (bytes.length == 0) {
            throw new InvalidInput("file", "is empty");
        }
        if (bytes.length > type.maxBytes()) {
            throw new ImageRefused(ImageRefused.Reason.TOO_LARGE, "a " + type + " image may be at most "
                    + type.maxBytes() + " bytes; this one is " + bytes.length);
        }
        ImageProbe.Found found = ImageProbe.probe(bytes).orElseThrow(() -> new ImageRefused(
                ImageRefused.Reason.UNSUPPORTED_TYPE, "the file is not a PNG, JPEG or WebP image"));
        if (outside(found.width(), type) || outside(found.height(), type)) {
            throw new InvalidInput("file", "a " + type + " image must be " + type.minSide() + " to " + type.maxSide()
                    + " pixels wide and high; this one is " + found.width() + "x" + found.height());
        }
        String id = Secrets.id("img", 16);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return database.transaction(c -> {
            Sql.update(c, "INSERT INTO call_link_images (" + COLUMNS + ", data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    id, accountId, name(fileName, found.format()), type.name(), found.format().contentType(),
                    (long) bytes.length, found.width(), found.height(), now, bytes);
            return find(c, accountId, id).orElseThrow();
        });
    }

    public Page<CallLinkImage> list(String accountId, Page.Request request) {
        return database.transaction(c -> {
            long total = Sql.count(c, "SELECT COUNT(*) FROM call_link_images WHERE account_id = ?", accountId);
            List<CallLinkImage> rows = Sql.list(c, "SELECT " + COLUMNS + " FROM call_link_images WHERE account_id = ?"
                    + " ORDER BY created_at, id LIMIT ? OFFSET ?", CallLinkImages::map, accountId, request.size(),
                    request.offset());
            return new Page<>(rows, request.page(), request.size(), total);
        });
    }

    public CallLinkImage get(String accountId, String imageId) {
        return database.transaction(c -> find(c, accountId, imageId)).orElseThrow(() -> notFound(imageId));
    }

    /** Deletes an image; refused with {@link Conflict} while a configuration's theme shows it. */
    public void delete(String accountId, String imageId) {
        database.transaction(c -> {
            AccountRow.lock(c, accountId);
            find(c, accountId, imageId).orElseThrow(() -> notFound(imageId));
            List<String> users = Sql.list(c, "SELECT id FROM call_link_configs WHERE account_id = ?"
                    + " AND (logo_image_id = ? OR background_image_id = ?) ORDER BY created_at, id",
                    row -> row.getString(1), accountId, imageId, imageId);
            if (!users.isEmpty()) {
                throw new Conflict("image " + imageId + " is used by configuration " + String.join(", ", users)
                        + "; change their themes first", users);
            }
            Sql.update(c, "DELETE FROM call_link_images WHERE id = ? AND account_id = ?", imageId, accountId);
            return null;
        });
    }

    /**
     * The bytes of any account's image, for the public call page. Image ids are random (80
     * bits), and the page of any link may show its account's images to anyone who has the link.
     */
    public Optional<ImageContent> content(String imageId) {
        return database.transaction(c -> Sql.one(c, "SELECT content_type, data FROM call_link_images WHERE id = ?",
                row -> new ImageContent(row.getString(1), row.getBytes(2)), imageId));
    }

    private static Optional<CallLinkImage> find(java.sql.Connection c, String accountId, String imageId)
            throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM call_link_images WHERE id = ? AND account_id = ?",
                CallLinkImages::map, imageId, accountId);
    }

    private static boolean outside(int side, ImageType type) {
        return side < type.minSide() || side > type.maxSide();
    }

    /** The file name without any directory part or control characters, cut to 255; a default when none is left. */
    private static String name(String fileName, ImageFormat format) {
        String name = fileName == null ? "" : fileName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.codePoints().filter(cp -> !Character.isISOControl(cp))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (name.isEmpty()) {
            name = "image." + format.name().toLowerCase(java.util.Locale.ROOT);
        }
        return name.codePointCount(0, name.length()) > MAX_NAME
                ? name.substring(0, name.offsetByCodePoints(0, MAX_NAME)) : name;
    }

    private static CallLinkImage map(ResultSet row) throws SQLException {
        return new CallLinkImage(row.getString("id"), row.getString("account_id"), row.getString("name"),
                ImageType.valueOf(row.getString("type")), row.getLong("size_bytes"), row.getInt("width"),
                row.getInt("height"), row.getString("content_type"), Sql.instant(row, "created_at").orElseThrow());
    }

    private static NotFound notFound(String imageId) {
        return new NotFound("image " + imageId);
    }
}
