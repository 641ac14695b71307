"""axe-core in the page: the WCAG 2.1 A and AA rules, with every violation named by rule, impact and element."""
from pathlib import Path

AXE = Path(__file__).resolve().parent / "assets" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
RUN_AXE = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
  return result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    targets: v.nodes.map((n) => n.target.join(' ') + (n.any[0] && n.any[0].message ? ' — ' + n.any[0].message : '')),
  }));
}"""


def violations(page):
    """The WCAG 2.1 A/AA violations of the page as it is now (axe.min.js is vendored, never fetched)."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    return page.evaluate(RUN_AXE, WCAG_21_AA)


def describe(where, found):
    lines = []
    for violation in found:
        lines.append(f"{where}: {violation['id']} ({violation['impact']}) {violation['help']}")
        lines.extend(f"    {target}" for target in violation["targets"][:10])
        if len(violation["targets"]) > 10:
            lines.append(f"    … and {len(violation['targets']) - 10} more")
    return "\n".join(lines)


class Audit:
    """Collects the violations of every page and state of a walk, so one run reports all of them at once."""

    def __init__(self):
        self.problems = []
        self.checked = []

    def check(self, page, where):
        self.checked.append(where)
        found = violations(page)
        if found:
            self.problems.append(describe(where, found))

    def assert_clean(self):
        assert not self.problems, "WCAG 2.1 AA violations:\n" + "\n".join(self.problems)
