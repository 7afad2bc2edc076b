// SPDX-License-Identifier: GPL-3.0-or-later

/// The tool's name, version and defaults: each stated once, here.
public enum Tool {
    public static let name = "rotation"
    public static let version = "0.1.0"
    /// `rotation 0.1.0`, as audit.json records it.
    public static var signature: String { "\(name) \(version)" }
}
