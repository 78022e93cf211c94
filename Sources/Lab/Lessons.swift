/// A numbered lesson: a script (`lessons/NN-name.mlab`) and the programs it loads, embedded in the binary so that
/// `metalab lesson N` plays from an installed `metalab`.
public struct Lesson {
    public let number: Int
    public let name: String
    /// The script's first comment line.
    public let title: String
    public let fileName: String
    public let script: String

    /// Every embedded lesson, in order.
    public static let all: [Lesson] = EmbeddedFiles.lessons.keys.sorted().compactMap { key -> Lesson? in
        guard key.hasSuffix(".mlab"), let dash = key.firstIndex(of: "-"), let number = Int(key[..<dash]) else { return nil }
        let script = EmbeddedFiles.lessons[key]!
        let name = String(key[key.index(after: dash)...].dropLast(5))
        let title = script.split(separator: "\n").first { $0.hasPrefix("#") }.map {
            $0.drop { $0 == "#" || $0 == " " }.trimmingCharacters(in: .whitespaces)
        } ?? name
        return Lesson(number: number, name: name, title: title, fileName: key, script: script)
    }

    public static func numbered(_ n: Int) -> Lesson? { all.first { $0.number == n } }

    /// The files a lesson's `load` commands can name (its programs).
    public static var files: [String: String] { EmbeddedFiles.lessons }
}

import Foundation
