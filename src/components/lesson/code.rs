//! Code blocks: Go highlighted as nodes (one `<span class="tok-…">` per token), others as text.

use crate::lesson::highlight_go;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct CodeProps {
    /// The source code.
    pub code: AttrValue,
    /// Accessible label of the (focusable, scrollable) block, e.g. "Programme Go".
    #[prop_or(AttrValue::Static("Code Go"))]
    pub label: AttrValue,
}

/// `<pre class="code-go"><code class="language-go">…</code></pre>`.
#[component]
pub fn GoCode(props: &CodeProps) -> Html {
    let tokens = use_memo(props.code.clone(), |code| highlight_go(code));
    html! {
        <pre class="code code-go" tabindex="0" aria-label={props.label.clone()}>
            <code class="language-go" translate="no">
                { for tokens.iter().map(|t| {
                    let class = t.kind.class();
                    if class.is_empty() {
                        html! { { t.text.clone() } }
                    } else {
                        html! { <span class={class}>{ t.text.clone() }</span> }
                    }
                }) }
            </code>
        </pre>
    }
}

#[derive(Properties, PartialEq, Clone)]
pub struct PlainCodeProps {
    pub code: AttrValue,
    #[prop_or_default]
    pub lang: AttrValue,
}

/// A code block of another language, as plain text.
#[component]
pub fn PlainCode(props: &PlainCodeProps) -> Html {
    let class = if props.lang.is_empty() { None } else { Some(format!("language-{}", props.lang)) };
    html! {
        <pre class="code" tabindex="0"><code class={class} translate="no">{ props.code.clone() }</code></pre>
    }
}
