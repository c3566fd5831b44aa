//! Acceptance on the seed article (`../shared/seed/article.txt`, read at run time; skipped
//! with a message when absent). Only names are written here; every passage is located by
//! searching the text, and quotes are identified by speaker and cue word.

use lede::model::{MentionKind, Person, Quote};
use lede::{analyze, Analysis, Options};

mod common;

fn load() -> Option<String> {
    common::shared_text("seed/article.txt")
}

fn person<'a>(a: &'a Analysis, name: &str) -> &'a Person {
    a.people.iter().find(|p| p.name == name).unwrap_or_else(|| {
        panic!(
            "{name} not found among {:?}",
            a.people.iter().map(|p| &p.name).collect::<Vec<_>>()
        )
    })
}

fn idx(a: &Analysis, name: &str) -> usize {
    a.people.iter().position(|p| p.name == name).unwrap()
}

fn has_role(p: &Person, role: &str) -> bool {
    p.roles.iter().any(|r| r.text == role)
}

/// The direct quote attributed to `speaker` through the cue word `cue`.
fn quote_by<'a>(a: &'a Analysis, text: &str, speaker: usize, cue: &str) -> Option<&'a Quote> {
    a.quotes.iter().find(|q| {
        q.direct && q.speaker == Some(speaker) && q.cue_span.map(|c| c.text(text)) == Some(cue)
    })
}

#[test]
fn nine_people_with_their_roles() {
    let Some(text) = load() else { return };
    let a = analyze(&text, &Options::default()).unwrap();
    let mut names: Vec<&str> = a.people.iter().map(|p| p.name.as_str()).collect();
    names.sort();
    assert_eq!(
        names,
        vec![
            "Dmitry Peskov",
            "Donald Trump",
            "Donald Tusk",
            "Emmanuel Macron",
            "Friedrich Merz",
            "Joe Biden",
            "Keir Starmer",
            "Vladimir Putin",
            "Volodymyr Zelensky"
        ],
        "exactly the nine people: no place, group or organisation among them"
    );
    assert!(has_role(
        person(&a, "Volodymyr Zelensky"),
        "Ukrainian President"
    ));
    assert!(has_role(
        person(&a, "Vladimir Putin"),
        "Russian counterpart"
    ));
    assert!(has_role(person(&a, "Donald Trump"), "former US President"));
    assert!(has_role(person(&a, "Keir Starmer"), "UK Prime Minister"));
    assert_eq!(person(&a, "Keir Starmer").honorifics, vec!["Sir"]);
    assert!(has_role(person(&a, "Emmanuel Macron"), "French President"));
    assert!(has_role(
        person(&a, "Friedrich Merz"),
        "German opposition leader"
    ));
    assert!(has_role(person(&a, "Donald Tusk"), "Polish Prime Minister"));
    assert!(has_role(person(&a, "Joe Biden"), "US President"));
    assert!(has_role(
        person(&a, "Dmitry Peskov"),
        "Kremlin spokesperson"
    ));
    // Roles stay with their own person in the list of visitors.
    assert_eq!(person(&a, "Keir Starmer").roles.len(), 1);
    assert_eq!(person(&a, "Emmanuel Macron").roles.len(), 1);
}

#[test]
fn aliases_join_the_right_person() {
    let Some(text) = load() else { return };
    let a = analyze(&text, &Options::default()).unwrap();
    let covered = |p: &Person, word: &str| {
        text.match_indices(word).all(|(at, _)| {
            p.mentions
                .iter()
                .any(|m| m.span.start <= at && at < m.span.end)
        })
    };
    assert!(
        covered(person(&a, "Keir Starmer"), "Keir"),
        "\"Sir Keir\" joins Keir Starmer"
    );
    assert!(covered(person(&a, "Donald Trump"), "Trump"));
    assert!(covered(person(&a, "Donald Tusk"), "Tusk"));
    assert!(covered(person(&a, "Volodymyr Zelensky"), "Zelensky"));
    let trump = person(&a, "Donald Trump");
    assert!(!trump
        .mentions
        .iter()
        .any(|m| m.span.text(&text).contains("Tusk")));
    // Mentions are sorted; the description and pronouns are counted.
    for p in &a.people {
        assert!(p.mentions.windows(2).all(|w| w[0].span <= w[1].span));
    }
    let z = person(&a, "Volodymyr Zelensky");
    assert!(z.mentions.iter().any(
        |m| m.kind == MentionKind::Description && m.span.text(&text) == "the Ukrainian leader"
    ));
    assert!(z.mentions.iter().any(|m| m.kind == MentionKind::Pronoun));
}

#[test]
fn speakers_table() {
    let Some(text) = load() else { return };
    let a = analyze(&text, &Options::default()).unwrap();
    let (z, t, p, k, pe) = (
        idx(&a, "Volodymyr Zelensky"),
        idx(&a, "Donald Trump"),
        idx(&a, "Vladimir Putin"),
        idx(&a, "Keir Starmer"),
        idx(&a, "Dmitry Peskov"),
    );
    // Zelensky's three-sentence statement, attributed across sentences by "he wrote".
    let wrote = quote_by(&a, &text, z, "wrote").expect("Zelensky … he wrote");
    assert_eq!(wrote.speaker_text.as_deref(), Some("he"));
    assert!(
        wrote.span.text(&text).matches(". ").count() >= 2,
        "one quote over three sentences"
    );
    // Trump: partial quote inside "called on", then "he posted", then the continuing quote.
    let called = quote_by(&a, &text, t, "called").expect("Trump partial quote");
    assert_eq!(called.span.text(&text).split_whitespace().count(), 1);
    let posted = quote_by(&a, &text, t, "posted").expect("Trump … he posted");
    let next = a
        .quotes
        .iter()
        .find(|q| q.direct && q.span.start > posted.span.end)
        .expect("a quote after the posted one");
    assert_eq!(
        next.speaker,
        Some(t),
        "the continuing quote keeps its speaker"
    );
    // Putin: "what he termed" and "Putin said".
    assert!(quote_by(&a, &text, p, "termed").is_some());
    let said = quote_by(&a, &text, p, "said").expect("Putin said");
    assert_eq!(said.speaker_text.as_deref(), Some("Putin"));
    // Groups speak without being people.
    let proposed = a
        .quotes
        .iter()
        .find(|q| q.direct && q.cue_span.map(|c| c.text(&text)) == Some("proposed"))
        .expect("the European leaders' proposal");
    assert_eq!(proposed.speaker, None);
    assert!(proposed
        .speaker_text
        .as_deref()
        .unwrap_or("")
        .contains("European leaders"));
    let warned = a
        .quotes
        .iter()
        .find(|q| q.direct && q.cue_span.map(|c| c.text(&text)) == Some("warned"))
        .expect("the coalition's warning");
    assert_eq!(warned.speaker, None);
    assert!(warned
        .speaker_text
        .as_deref()
        .unwrap_or("")
        .contains("coalition of the willing"));
    // The coalition's name in quotation marks is not speech.
    let name_at = text.find("coalition of the willing").unwrap();
    assert!(!a.quotes.iter().any(|q| q.direct && q.span.start == name_at));
    // Sir Keir told the BBC.
    let told = quote_by(&a, &text, k, "told").expect("Sir Keir told");
    assert_eq!(told.speaker_text.as_deref(), Some("Sir Keir"));
    // "the Ukrainian leader said" resolves to Zelensky.
    assert!(a.quotes.iter().any(|q| q.direct
        && q.speaker == Some(z)
        && q.speaker_text.as_deref() == Some("the Ukrainian leader")));
    // Peskov: indirect speech with a partial quote.
    assert!(quote_by(&a, &text, pe, "said").is_some());
    assert!(a.quotes.iter().any(|q| !q.direct && q.speaker == Some(pe)));
    // Eleven direct quotations in the table, and no others.
    assert_eq!(a.quotes.iter().filter(|q| q.direct).count(), 11);
}
