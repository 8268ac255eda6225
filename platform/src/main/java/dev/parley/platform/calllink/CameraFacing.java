package dev.parley.platform.calllink;

/** Which camera a phone starts with: the one facing the user (front) or the one facing away (back). */
public enum CameraFacing {
    USER, ENVIRONMENT
}
