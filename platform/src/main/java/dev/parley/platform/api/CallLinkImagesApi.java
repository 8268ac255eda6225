package dev.parley.platform.api;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;

import dev.parley.platform.calllink.CallLinkImage;
import dev.parley.platform.calllink.CallLinkImages;
import dev.parley.platform.calllink.ImageType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /call-link/1/images}: the logos and backgrounds of the caller's themes. The upload
 * route is the one route allowed a body larger than {@code http.max-body-bytes}: up to the
 * largest image plus room for the multipart framing ({@link #UPLOAD_LIMIT}).
 */
final class CallLinkImagesApi {

    private static final String PATH = "/call-link/1/images";
    static final String UPLOAD_PREFIX = PATH + "/upload/";
    /** The largest image, and 64 KiB for boundaries, part headers and a long file name. */
    static final long UPLOAD_LIMIT = ImageType.largest() + 64 * 1024;
    /**
     * Uploads read at once, server-wide. An upload is held in memory whole (about 5 MB at most),
     * so without a cap a few hundred slow uploads from a valid key would fill the heap; the
     * ones past it are told to retry instead.
     */
    static final int CONCURRENT_UPLOADS = 8;

    private CallLinkImagesApi() {
    }

    /** The largest body a request to {@code path} may send: the upload limit there, else {@code standard}. */
    static long bodyLimit(String path, long standard) {
        return path.startsWith(UPLOAD_PREFIX) ? Math.max(standard, UPLOAD_LIMIT) : standard;
    }

    static void register(RouteTable routes, Requests requests, CallLinkImages images) {
        var uploads = new java.util.concurrent.Semaphore(CONCURRENT_UPLOADS);
        routes.withKey(POST, UPLOAD_PREFIX + "{type}", (ctx, caller) -> {
            ImageType type = imageType(ctx.pathParam("type"));
            String boundary = Multipart.boundary(ctx.contentType());
            if (!uploads.tryAcquire()) {
                throw new ApiProblem(503, "Too many uploads", "the server is taking " + CONCURRENT_UPLOADS
                        + " uploads already; try again in a moment", java.util.List.of(), Map.of("Retry-After", "1"));
            }
            try {
                var stored = upload(requests, images, ctx, caller.accountId(), type, boundary);
                Json.write(ctx, requests.mapper(), 201, Requests.JSON, view(stored));
            } finally {
                uploads.release();
            }
        });
        routes.withKey(GET, PATH, (ctx, caller) -> {
            var page = images.list(caller.accountId(), requests.page(ctx));
            Json.write(ctx, requests.mapper(), 200, Requests.JSON,
                    Requests.pageBody(page, page.results().stream().map(CallLinkImagesApi::view).toList()));
        });
        routes.withKey(GET, PATH + "/{imageId}", (ctx, caller) -> Json.write(ctx, requests.mapper(), 200,
                Requests.JSON, view(images.get(caller.accountId(), ctx.pathParam("imageId")))));
        routes.withKey(DELETE, PATH + "/{imageId}", (ctx, caller) -> {
            images.delete(caller.accountId(), ctx.pathParam("imageId"));
            ctx.status(204);
        });
    }

    private static CallLinkImage upload(Requests requests, CallLinkImages images, io.javalin.http.Context ctx,
                                        String accountId, ImageType type, String boundary) {
        var parts = Multipart.parse(requests.body(ctx, UPLOAD_LIMIT), boundary);
        Multipart.Part file = null;
        for (var part : parts) {
            if (!part.name().equals("file")) {
                throw ApiProblem.invalid(part.name(), "is not a known field; send the image as field 'file'");
            }
            if (file != null) {
                throw ApiProblem.invalid("file", "must be sent once");
            }
            file = part;
        }
        if (file == null) {
            throw ApiProblem.invalid("file", "is required");
        }
        return images.upload(accountId, type, file.fileName().orElse(""), file.content());
    }

    private static ImageType imageType(String text) {
        for (ImageType type : ImageType.values()) {
            if (type.name().equals(text)) {
                return type;
            }
        }
        throw ApiProblem.invalid("type", "must be LOGO or BACKGROUND");
    }

    private static Map<String, Object> view(CallLinkImage image) {
        var view = new LinkedHashMap<String, Object>();
        view.put("id", image.id());
        view.put("name", image.name());
        view.put("type", image.type().name());
        view.put("size", image.size());
        view.put("width", image.width());
        view.put("height", image.height());
        view.put("contentType", image.contentType());
        view.put("createdAt", image.createdAt().toString());
        return view;
    }
}
