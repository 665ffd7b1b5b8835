//! Mermaid source fixes and the goroutine lifecycle steps of the lesson's diagram (pure).

/// Quotes every node label written `X[label]` or `X{label}` so that Mermaid 12 parses labels
/// containing parentheses (`B[go fonction()]` → `B["go fonction()"]`). Edges, edge labels
/// (`-- Oui -->`), already quoted labels and other shapes (`X[(db)]`, `X{{hex}}`, `X[[sub]]`,
/// `X[/para/]`) are left as they are. A `"` inside a label becomes `#quot;`.
pub fn quote_mermaid_labels(source: &str) -> String {
    source.lines().map(quote_line).collect::<Vec<_>>().join("\n")
}

fn is_id_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn quote_line(line: &str) -> String {
    // Comments and directives stay verbatim.
    let trimmed = line.trim_start();
    if trimmed.starts_with("%%") {
        return line.to_string();
    }
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len() + 8);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let opens = (c == '[' || c == '{') && i > 0 && is_id_char(chars[i - 1]);
        if opens {
            let close = if c == '[' { ']' } else { '}' };
            let next = chars.get(i + 1).copied();
            let other_shape = matches!(next, Some('"' | '(' | '[' | '{' | '/' | '\\'));
            if !other_shape {
                if let Some(len) = chars[i + 1..].iter().position(|&ch| ch == close) {
                    let label: String = chars[i + 1..i + 1 + len].iter().collect();
                    out.push(c);
                    out.push('"');
                    out.push_str(&label.replace('"', "#quot;"));
                    out.push('"');
                    out.push(close);
                    i += len + 2;
                    continue;
                }
            }
        }
        out.push(c);
        i += 1;
    }
    out
}

/// A step of a goroutine's life, as drawn in the lesson's diagram (nodes `A`..`F`).
/// Runnable cells use it to light the diagram up while a goroutine runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LifecycleStep {
    /// `A[main start]`
    MainStart,
    /// `B[go fonction()]`
    GoCall,
    /// `C{Goroutine active ?}`
    Active,
    /// `D[Exécution de la fonction]`
    Running,
    /// `E[Fin de la goroutine]`
    End,
    /// `F[main attend ou continue son exécution]`
    MainWaits,
    /// The goroutine was cut short by `main` returning: node `D`, marked "killed".
    Killed,
}

impl LifecycleStep {
    pub const ALL: [LifecycleStep; 7] = [
        LifecycleStep::MainStart,
        LifecycleStep::GoCall,
        LifecycleStep::Active,
        LifecycleStep::Running,
        LifecycleStep::End,
        LifecycleStep::MainWaits,
        LifecycleStep::Killed,
    ];

    /// The Mermaid node id of the diagram (`A`..`F`).
    pub fn node_id(self) -> &'static str {
        match self {
            LifecycleStep::MainStart => "A",
            LifecycleStep::GoCall => "B",
            LifecycleStep::Active => "C",
            LifecycleStep::Running | LifecycleStep::Killed => "D",
            LifecycleStep::End => "E",
            LifecycleStep::MainWaits => "F",
        }
    }

    /// Whether the step marks the node as killed (red cross style).
    pub fn is_killed(self) -> bool {
        matches!(self, LifecycleStep::Killed)
    }

    /// CSS classes put on the node's SVG element: always `lit`, plus `killed` for [`Self::Killed`].
    pub fn node_classes(self) -> &'static str {
        if self.is_killed() {
            "lit killed"
        } else {
            "lit"
        }
    }

    /// A short French description of the step.
    pub fn label_fr(self) -> &'static str {
        match self {
            LifecycleStep::MainStart => "main démarre",
            LifecycleStep::GoCall => "appel go fonction()",
            LifecycleStep::Active => "goroutine active ?",
            LifecycleStep::Running => "exécution de la fonction",
            LifecycleStep::End => "fin de la goroutine",
            LifecycleStep::MainWaits => "main attend ou continue",
            LifecycleStep::Killed => "goroutine interrompue par la fin de main",
        }
    }
}
