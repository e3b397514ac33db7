import ReachGraph
import ReachSpec

extension TestReport {
    /// The report as JUnit XML for CI systems: one `testsuite` per assertion file, one
    /// `testcase` per assertion; a failed assertion carries a `failure` with the offending
    /// flows' paths and blocks, one that could not be evaluated an `error`.
    public func junitXML() -> String {
        var lines = [#"<?xml version="1.0" encoding="UTF-8"?>"#]
        lines.append(
            #"<testsuites name="reach" tests="\#(outcomes.count)" failures="\#(count(.failed))" errors="\#(count(.error))">"#
        )
        for run in runs {
            let failures = run.outcomes.filter { $0.status == .failed }.count
            let errors = run.outcomes.filter { $0.status == .error }.count
            lines.append(
                #"  <testsuite name="\#(xmlEscaped(run.spec.file))" tests="\#(run.outcomes.count)" failures="\#(failures)" errors="\#(errors)">"#
            )
            for outcome in run.outcomes {
                let open =
                    #"    <testcase name="\#(xmlEscaped(outcome.assertion.name))" classname="\#(xmlEscaped(className(run.spec)))""#
                switch outcome.status {
                case .passed:
                    lines.append(open + "/>")
                case .failed, .error:
                    let element = outcome.status == .failed ? "failure" : "error"
                    var body = ["at \(outcome.assertion.location)", outcome.summary]
                    for evidence in outcome.evidence { body += evidenceLines(evidence) }
                    lines.append(open + ">")
                    lines.append(
                        #"      <\#(element) message="\#(xmlEscaped(outcome.summary))">\#(xmlEscaped(body.joined(separator: "\n")))</\#(element)>"#
                    )
                    lines.append("    </testcase>")
                }
            }
            lines.append("  </testsuite>")
        }
        lines.append("</testsuites>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The design a file tests, as CI systems group test cases: `three-tier.yaml`.
    private func className(_ spec: RegressionSpec) -> String {
        (spec.topology ?? spec.file).split(separator: "/").last.map(String.init) ?? spec.file
    }
}

/// `text` safe inside XML attributes and elements; characters XML 1.0 forbids are dropped.
func xmlEscaped(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.count)
    for scalar in text.unicodeScalars {
        switch scalar {
        case "&": result += "&amp;"
        case "<": result += "&lt;"
        case ">": result += "&gt;"
        case "\"": result += "&quot;"
        case "'": result += "&apos;"
        case "\n", "\t", "\r": result.unicodeScalars.append(scalar)
        default:
            if scalar.value >= 0x20 { result.unicodeScalars.append(scalar) }
        }
    }
    return result
}
