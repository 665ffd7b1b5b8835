//! The lesson page: the pure model (`crate::lesson`) rendered as yew nodes.
//!
//! Lesson text never goes through `inner_html`: every paragraph, list, table, code token and
//! link is a node built here.

mod code;
mod diagram;
mod toc;

pub use code::{CodeProps, GoCode, PlainCode, PlainCodeProps};
pub use diagram::{Diagram, DiagramHighlight, DiagramProps};
pub use toc::{Toc, TocProps, WIDE_MEDIA_QUERY};

use crate::lesson::cells::{cells, Place};
use crate::lesson::{self, plain_text, safe_href, Block, Inline, Lesson, LifecycleStep, Section};
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone, Default)]
pub struct LessonViewProps {
    /// The runnable cells by id, placed where the lesson declares them
    /// ([`crate::lesson::cells`]). Missing entries render nothing.
    #[prop_or_default]
    pub cells: Vec<(u8, Html)>,
    /// Placed right after the goroutine-vs-thread table.
    #[prop_or_default]
    pub after_table: Html,
    /// The lifecycle step lit on the Mermaid diagram (the notebook lights it by context
    /// instead: [`DiagramHighlight`]).
    #[prop_or_default]
    pub diagram_highlight: Option<LifecycleStep>,
    /// How many sections are mounted yet (the notebook mounts the text in parts; `None`: all);
    /// the conclusion follows the last.
    #[prop_or_default]
    pub sections_shown: Option<usize>,
}

/// The id of the lesson's text (after the table of contents): the skip link's target.
const BODY_ID: &str = "texte-de-la-lecon";

/// The whole lesson: breadcrumb, title, table of contents, sections in order.
#[component]
pub fn LessonView(props: &LessonViewProps) -> Html {
    let lesson: &'static Lesson = lesson::lesson();

    // Deep link: the content renders after load, so scroll to `location.hash` once all of it
    // is mounted.
    let shown = props.sections_shown.unwrap_or(usize::MAX);
    let complete = shown >= lesson.sections.len();
    use_effect_with(complete, |&complete| {
        let timer = complete.then(follow_deep_link).flatten();
        move || drop(timer)
    });

    let mut slots = Slots { props, tables: 0 };
    html! {
        // The page's main landmark (App renders no <main> around it).
        <main class="lesson-page">
            // Past the breadcrumb, the title and the table of contents.
            <a class="skip-link" href={format!("#{BODY_ID}")}>{ "Aller au texte de la leçon" }</a>
            <article class="lesson" lang="fr">
                <header class="lesson-header">
                    <nav class="breadcrumb" aria-label="Fil d’Ariane">
                        <ol>
                            { for lesson.breadcrumb.iter().enumerate().map(|(i, item)| {
                                let last = i + 1 == lesson.breadcrumb.len();
                                html! {
                                    <li aria-current={last.then_some("page")}>{ item.clone() }</li>
                                }
                            }) }
                        </ol>
                    </nav>
                    <h1 id={lesson.title_id.clone()}>{ lesson.title.clone() }</h1>
                </header>
                // After the title in reading order (a folded list on narrow screens); beside the
                // text, sticky, on wide ones (styles/main.css).
                <Toc entries={lesson.toc()} />
                <div class="lesson-body" id={BODY_ID}>
                    if !lesson.intro.is_empty() {
                        <div class="lesson-intro">{ blocks(&lesson.intro, &mut slots, None) }</div>
                    }
                    // Every section has its place from the first render (empty until shown): yew
                    // matches unkeyed children from the end, so a list that grew would patch each
                    // section onto another and rebuild the last one.
                    { for lesson.sections.iter().enumerate().map(|(i, s)| {
                        if i < shown { section(s, &mut slots) } else { Html::default() }
                    }) }
                    if complete && !lesson.conclusion.is_empty() {
                        <div class="lesson-conclusion">{ blocks(&lesson.conclusion, &mut slots, None) }</div>
                    }
                </div>
            </article>
        </main>
    }
}

/// Where the page's slots go while rendering blocks in order.
struct Slots<'a> {
    props: &'a LessonViewProps,
    tables: usize,
}

/// Scrolls (instantly) to the element named by `location.hash`; returns its offset top, or
/// `None` when there is no such element.
fn scroll_to_location_hash() -> Option<f64> {
    let window = web_sys::window()?;
    let hash = window.location().hash().ok()?;
    let raw = hash.trim_start_matches('#');
    if raw.is_empty() {
        return None;
    }
    let id = js_sys::decode_uri_component(raw).ok().and_then(|s| s.as_string()).unwrap_or_else(|| raw.to_string());
    let element = window.document()?.get_element_by_id(&id)?;
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Start);
    options.set_behavior(web_sys::ScrollBehavior::Instant);
    element.scroll_into_view_with_scroll_into_view_options(&options);
    element.dyn_ref::<web_sys::HtmlElement>().map(|e| f64::from(e.offset_top()))
}

/// Deep link: the content renders after load, so scroll to `location.hash` once mounted, and
/// once more shortly after if content rendered meanwhile (e.g. the cells) moved the target.
fn follow_deep_link() -> Option<gloo_timers::callback::Timeout> {
    let top = scroll_to_location_hash()?;
    Some(gloo_timers::callback::Timeout::new(300, move || {
        let id = web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .map(|h| h.trim_start_matches('#').to_string())
            .unwrap_or_default();
        let moved = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&id))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            .is_some_and(|e| (f64::from(e.offset_top()) - top).abs() > 2.0);
        if moved {
            scroll_to_location_hash();
        }
    }))
}

fn heading(level: u8, id: &str, content: Html) -> Html {
    // The lesson's title is the h1; sections are h2 and below, in order.
    let tag = match level {
        0..=2 => "h2",
        3 => "h3",
        4 => "h4",
        5 => "h5",
        _ => "h6",
    };
    html! { <@{tag} id={id.to_string()} class="section-title">{ content }</@> }
}

fn section(s: &Section, slots: &mut Slots) -> Html {
    let body = blocks(&s.blocks, slots, Some(s));
    let closing: Vec<Html> = cells()
        .iter()
        .filter(|spec| matches!(spec.place, Place::EndOfSection(id) if id == s.id))
        .map(|spec| slots.cell(spec.id))
        .collect();
    html! {
        <section class="lesson-section" aria-labelledby={s.id.clone()}>
            { heading(s.level, &s.id, inlines(&s.title)) }
            { body }
            { for closing }
        </section>
    }
}

impl Slots<'_> {
    /// The cell with this id, if the page gave one.
    fn cell(&self, id: u8) -> Html {
        self.props.cells.iter().find(|(cell, _)| *cell == id).map(|(_, html)| html.clone()).unwrap_or_default()
    }
}

fn blocks(list: &[Block], slots: &mut Slots, section: Option<&Section>) -> Html {
    list.iter().map(|b| block(b, slots, section)).collect()
}

fn block(b: &Block, slots: &mut Slots, section: Option<&Section>) -> Html {
    match b {
        Block::Paragraph(content) => html! { <p>{ inlines(content) }</p> },
        Block::List { ordered, items } => {
            let items = items.iter().map(|item| html! { <li>{ inlines(item) }</li> });
            if *ordered {
                html! { <ol>{ for items }</ol> }
            } else {
                html! { <ul>{ for items }</ul> }
            }
        }
        Block::Code { lang, text, program } if lang == "go" => {
            let label = match program {
                Some(i) => format!("Programme Go n° {}", i + 1),
                None => "Extrait de code Go".to_string(),
            };
            let after = program
                .and_then(|i| cells().iter().find(|spec| spec.place == Place::AfterProgram(i)))
                .map(|spec| slots.cell(spec.id));
            html! {
                <>
                    <GoCode code={AttrValue::from(text.clone())} label={AttrValue::from(label)} />
                    { after.unwrap_or_default() }
                </>
            }
        }
        Block::Code { lang, text, .. } => html! {
            <PlainCode code={AttrValue::from(text.clone())} lang={AttrValue::from(lang.clone())} />
        },
        Block::Table { head, rows } => {
            slots.tables += 1;
            let after = if slots.tables == 1 { slots.props.after_table.clone() } else { Html::default() };
            let caption = section.map(|s| s.title_text.clone()).unwrap_or_default();
            let labels: Vec<String> = head.iter().map(|c| plain_text(c)).collect();
            html! {
                <>
                    <div class="table-wrap" tabindex="0" role="region" aria-label={caption.clone()}>
                        <table class="lesson-table">
                            if !caption.is_empty() {
                                <caption class="visually-hidden">{ caption.clone() }</caption>
                            }
                            <thead>
                                <tr>{ for head.iter().map(|c| html! { <th scope="col">{ inlines(c) }</th> }) }</tr>
                            </thead>
                            <tbody>
                                { for rows.iter().map(|row| html! {
                                    <tr>{ for row.iter().enumerate().map(|(i, c)| html! {
                                        // data-label: the column's header, shown on narrow screens
                                        // where rows are stacked (styles/main.css).
                                        <td data-label={labels.get(i).cloned().unwrap_or_default()}>{ inlines(c) }</td>
                                    }) }</tr>
                                }) }
                            </tbody>
                        </table>
                    </div>
                    { after }
                </>
            }
        }
        Block::Mermaid { source, quoted } => {
            let caption = section
                .map(|s| s.title_text.rsplit(" : ").next().unwrap_or(&s.title_text).to_string())
                .unwrap_or_default();
            html! {
                <Diagram
                    source={AttrValue::from(source.clone())}
                    quoted={AttrValue::from(quoted.clone())}
                    caption={AttrValue::from(caption)}
                    highlight={slots.props.diagram_highlight}
                />
            }
        }
        Block::Rule => html! { <hr class="lesson-rule" /> },
    }
}

/// Renders inlines as nodes.
pub fn inlines(list: &[Inline]) -> Html {
    list.iter().map(inline).collect()
}

fn inline(i: &Inline) -> Html {
    match i {
        Inline::Text(t) => html! { { t.clone() } },
        Inline::Strong(c) => html! { <strong>{ inlines(c) }</strong> },
        Inline::Emphasis(c) => html! { <em>{ inlines(c) }</em> },
        Inline::Code(t) => html! { <code translate="no">{ t.clone() }</code> },
        Inline::Link { href, text } => match safe_href(href) {
            Some(href) if href.starts_with('#') => {
                html! { <a href={href.to_string()}>{ text.clone() }</a> }
            }
            Some(href) => html! {
                <a href={href.to_string()} target="_blank" rel="noopener">{ text.clone() }</a>
            },
            None => html! { { text.clone() } },
        },
        Inline::LineBreak => html! { <br /> },
    }
}
