package dev.parley.platform.calllink;

/** What the call page starts the call with. */
public record InitialOptions(boolean audio, boolean video, boolean muted, CameraFacing cameraFacingMode) {

    public static final InitialOptions DEFAULTS = new InitialOptions(true, false, false, CameraFacing.USER);
}
