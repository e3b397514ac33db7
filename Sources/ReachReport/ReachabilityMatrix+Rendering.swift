import ReachGraph
import ReachNetwork

extension ReachabilityMatrix {
    /// A table, rows the sources and columns the destinations; each cell `reaching/pairs`
    /// (`+N?` for pairs whose answer is unknown), then the traffic and an example per cell.
    public func text(tracingWith analyzer: ReachabilityAnalyzer) -> String {
        let header = ["from \\ to"] + columns
        var table = [header]
        for (row, label) in rows.enumerated() {
            table.append(
                [label]
                    + cells[row].map { cell in
                        "\(cell.reachablePairs)/\(cell.pairs)"
                            + (cell.unknownPairs > 0 ? " +\(cell.unknownPairs)?" : "")
                    })
        }
        let widths = header.indices.map { column in table.map { $0[column].count }.max() ?? 0 }
        var lines = table.map { row in
            row.enumerated().map {
                $0.element.padding(toLength: widths[$0.offset], withPad: " ", startingAt: 0)
            }
            .joined(separator: "  ")
        }
        lines.append("")
        lines.append(
            "Cells: reaching pairs / all pairs (+N? pairs whose answer is unknown); traffic asked: \(traffic)."
        )
        for (row, label) in rows.enumerated() {
            for (column, cell) in cells[row].enumerated() where cell.reachablePairs > 0 {
                lines.append("  \(label) -> \(columns[column]): \(cell.traffic)")
                if let example = cell.example {
                    lines.append(
                        "      e.g. \(example.source) -> \(example.destination): \(analyzer.trace(example.witness).requestPathLine)"
                    )
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The matrix as JSON: `rows`, `columns`, and `cells[row][column]` with counts, traffic and
    /// an example pair with its witness path.
    public func jsonString(tracingWith analyzer: ReachabilityAnalyzer) -> String {
        reachJSON(MatrixDocument(matrix: self, analyzer: analyzer))
    }
}

private struct MatrixDocument: Encodable {
    let matrix: ReachabilityMatrix
    let analyzer: ReachabilityAnalyzer

    private enum Keys: String, CodingKey { case rows, columns, cells, traffic }
    private enum CellKeys: String, CodingKey {
        case pairs, reachablePairs, unknownPairs, traffic, exampleSource, exampleDestination, witness
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(matrix.rows, forKey: .rows)
        try container.encode(matrix.columns, forKey: .columns)
        try container.encode(TrafficDocument(matrix.traffic), forKey: .traffic)
        var rows = container.nestedUnkeyedContainer(forKey: .cells)
        for row in matrix.cells {
            var cells = rows.nestedUnkeyedContainer()
            for cell in row {
                var item = cells.nestedContainer(keyedBy: CellKeys.self)
                try item.encode(cell.pairs, forKey: .pairs)
                try item.encode(cell.reachablePairs, forKey: .reachablePairs)
                try item.encode(cell.unknownPairs, forKey: .unknownPairs)
                try item.encode(TrafficDocument(cell.traffic), forKey: .traffic)
                try item.encode(cell.example.map { ComponentDocument($0.source) }, forKey: .exampleSource)
                try item.encode(
                    cell.example.map { ComponentDocument($0.destination) }, forKey: .exampleDestination)
                try item.encode(
                    cell.example.map {
                        WitnessDocument(witness: $0.witness, trace: analyzer.trace($0.witness))
                    },
                    forKey: .witness)
            }
        }
    }
}
