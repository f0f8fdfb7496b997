import Foundation
import Synchronization

/// Where an analysis writes its files.
public struct OutputDirectory: Sendable {
    public var url: URL

    /// Every file any command of ours writes into an output directory. A run removes those it did
    /// not produce itself, so no `cells.csv` or `lots.csv` of an earlier run is read as this run's.
    public static let ourTables: Set<String> = [
        "streets.csv", "district.csv", "buildings.csv", "cells.csv", "lots.csv", "receivers.csv",
        "junctions.csv", "noise_grid.csv", "compare.csv", "summary.csv", "matches.csv", "transfers.csv",
        "district.gpkg", "compare.gpkg", "report.html",
    ]

    /// Creates the directory when needed; fails with the path when it is a file or unwritable.
    public init(path: String) throws(OutputError) {
        url = URL(fileURLWithPath: path, isDirectory: true)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw OutputError(path: path, message: "exists and is not a directory") }
        } else {
            do {
                try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            } catch {
                throw OutputError(path: path, message: error.localizedDescription)
            }
        }
    }

    public func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    /// Fails when `path` exists and is not a directory, without creating anything: commands call it
    /// before their work, so a wrong `--out` costs nothing and a failed run leaves no empty folder.
    public static func checkUsable(path: String) throws(OutputError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw OutputError(path: path, message: "exists and is not a directory")
        }
    }

    /// Writes a run's tables as one set (see `replaceFiles`).
    public func replaceTables(_ tables: [(name: String, table: CSVTable)], warnings: inout [String]) throws(OutputError) -> [String] {
        try replaceFiles(tables.map { OutputFile.table($0.name, $0.table) }, warnings: &warnings)
    }

    /// Writes a run's files as one set: all of them into a temporary directory beside this one
    /// (same file system), then each renamed into place, then our files this run did not produce
    /// removed. A failure while writing leaves the directory as it was. Table cells reading `nan`
    /// or `inf` are written empty, each column with such cells named in `warnings`.
    ///
    /// Returns the paths written.
    public func replaceFiles(_ files: [OutputFile], warnings: inout [String]) throws(OutputError) -> [String] {
        let staging = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).superblock-\(UUID().uuidString)", isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw OutputError(path: staging.path, message: "cannot create the staging directory: \(error.localizedDescription)")
        }
        defer { try? FileManager.default.removeItem(at: staging) }
        // The files are independent (the report's maps, the GeoPackage, the tables): written on
        // every core, the warnings and the first error then taken in the files' order.
        let outcomes = Mutex<[Int: Result<[String], OutputError>]>([:])
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let file = files[index]
            let target = staging.appendingPathComponent(file.name)
            let outcome: Result<[String], OutputError>
            do throws(OutputError) {
                switch file.content {
                case .table(let table):
                    var checked = table
                    let blanked = checked.blankNonFinite().map { "\(file.name): \($0)" }
                    try checked.write(to: target)
                    outcome = .success(blanked)
                case .writer(let write):
                    try write(target)
                    outcome = .success([])
                }
            } catch {
                outcome = .failure(error)
            }
            outcomes.withLock { $0[index] = outcome }
        }
        let results = outcomes.withLock { $0 }
        for index in files.indices {
            switch results[index] {
            case .success(let blanked)?: warnings += blanked
            case .failure(let error)?: throw error
            case nil: throw OutputError(path: files[index].name, message: "was not written")
            }
        }
        for file in files {
            let from = staging.appendingPathComponent(file.name).path, to = self.file(file.name).path
            guard rename(from, to) == 0 else {
                throw OutputError(path: to, message: String(cString: strerror(errno)))
            }
        }
        let produced = Set(files.map(\.name))
        for name in Self.ourTables.subtracting(produced) {
            let stale = self.file(name)
            guard FileManager.default.fileExists(atPath: stale.path) else { continue }
            do { try FileManager.default.removeItem(at: stale) } catch {
                throw OutputError(path: stale.path, message: "cannot remove the file of an earlier run: \(error.localizedDescription)")
            }
        }
        return files.map { self.file($0.name).path }
    }
}

extension CSVTable {
    /// Texts a cell may not hold: what `String(describing:)` and `printf` make of NaN and infinities.
    static let nonFiniteTexts: Set<String> = ["nan", "-nan", "+nan", "inf", "-inf", "+inf", "infinity", "-infinity", "+infinity"]

    /// Empties every cell reading as NaN or an infinity; one message per column that had any.
    /// Only numeric columns are touched (those holding at least one finite number): an id or a
    /// name may be "nan".
    public mutating func blankNonFinite() -> [String] {
        var numeric = Set<Int>()
        for row in rows {
            for (column, cell) in row.enumerated() where !numeric.contains(column) {
                if let value = Double(cell), value.isFinite { numeric.insert(column) }
            }
        }
        var counts: [Int: Int] = [:]
        for row in rows.indices {
            for column in rows[row].indices where numeric.contains(column) && Self.nonFiniteTexts.contains(rows[row][column].lowercased()) {
                rows[row][column] = ""
                counts[column, default: 0] += 1
            }
        }
        return counts.sorted { $0.key < $1.key }.map { column, count in
            let name = column < header.count ? header[column] : "column \(column + 1)"
            return "\(count) value(s) of \(name) could not be computed (not finite) and are left empty"
        }
    }
}
