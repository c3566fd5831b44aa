//! People and quotes on invented articles (our own words, invented people and places).

use lede::model::{MentionKind, Person, Quote};
use lede::{analyze, Analysis, Options};

fn run(text: &str) -> Analysis {
    analyze(text, &Options::default()).unwrap()
}

fn names(a: &Analysis) -> Vec<&str> {
    a.people.iter().map(|p| p.name.as_str()).collect()
}

fn person<'a>(a: &'a Analysis, name: &str) -> &'a Person {
    a.people
        .iter()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("{name} missing from {:?}", names(a)))
}

fn idx(a: &Analysis, name: &str) -> usize {
    a.people
        .iter()
        .position(|p| p.name == name)
        .unwrap_or(usize::MAX)
}

/// The quote whose text starts with `start`.
fn quote<'a>(a: &'a Analysis, text: &str, start: &str) -> &'a Quote {
    a.quotes
        .iter()
        .find(|q| q.span.text(text).starts_with(start))
        .unwrap_or_else(|| {
            panic!(
                "no quote starting {start:?}: {:?}",
                a.quotes
                    .iter()
                    .map(|q| q.span.text(text))
                    .collect::<Vec<_>>()
            )
        })
}

#[test]
fn particles_initials_hyphens_accents() {
    let t = "Talks in Valdora were led by Marta de la Cruz and Pieter van der Berg. \
             J.D. Okonkwo and Jean-Luc Ferrand joined later, with Seán Ó Briain and Bashar al-Hadi.";
    let a = run(t);
    for n in [
        "Marta de la Cruz",
        "Pieter van der Berg",
        "J.D. Okonkwo",
        "Jean-Luc Ferrand",
        "Bashar al-Hadi",
    ] {
        person(&a, n);
    }
    assert!(!names(&a).contains(&"Valdora"));
}

#[test]
fn possessives_stay_out_of_the_span() {
    let t = "Inés Calderón met Tomasz Wiącek. Calderón’s plan and Wiącek's answer differed.";
    let a = run(t);
    let c = person(&a, "Inés Calderón");
    let texts: Vec<&str> = c.mentions.iter().map(|m| m.span.text(t)).collect();
    assert_eq!(texts, vec!["Inés Calderón", "Calderón"]);
    let w = person(&a, "Tomasz Wiącek");
    assert_eq!(w.mentions.last().unwrap().span.text(t), "Wiącek");
}

#[test]
fn honorifics_and_title_abbreviations() {
    let t = "Dame Olwen Pryce met Dr. Femi Adeyemi and Gen. Rosa Ibarra. Later Ms Pryce thanked Dr Adeyemi.";
    let a = run(t);
    assert_eq!(person(&a, "Olwen Pryce").honorifics, vec!["Dame", "Ms"]);
    assert_eq!(person(&a, "Femi Adeyemi").mentions.len(), 2);
    person(&a, "Rosa Ibarra");
    assert_eq!(a.people.len(), 3);
}

#[test]
fn shared_first_names_stay_apart_and_surnames_join() {
    let t =
        "Ana Ruiz and Ana Soto both ran for mayor. Ruiz won. Soto conceded, and Ana left early.";
    let a = run(t);
    assert_eq!(names(&a), vec!["Ana Ruiz", "Ana Soto"]);
    assert_eq!(person(&a, "Ana Ruiz").mentions.len(), 2);
    assert_eq!(person(&a, "Ana Soto").mentions.len(), 2);
}

#[test]
fn given_name_alias_with_honorific() {
    let t = "Sir Aldous Finchley opened the fair. Sir Aldous later said the stalls would stay.";
    let a = run(t);
    assert_eq!(names(&a), vec!["Aldous Finchley"]);
    assert_eq!(a.people[0].mentions[1].kind, MentionKind::Alias);
}

#[test]
fn roles_premodifier_appositive_copular() {
    let t = "Former Norlandic Prime Minister Eira Holm visited. Kasper Lind, the harbour authority spokesperson, \
             met her. Greta Vos is the party's leader. Acting Governor Tom Reyes and then-Senator Lia Moreno came too.";
    let a = run(t);
    let roles = |n: &str| {
        person(&a, n)
            .roles
            .iter()
            .map(|r| r.text.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(roles("Eira Holm"), vec!["Former Norlandic Prime Minister"]);
    assert_eq!(roles("Kasper Lind"), vec!["harbour authority spokesperson"]);
    assert_eq!(roles("Greta Vos"), vec!["party's leader"]);
    assert_eq!(roles("Tom Reyes"), vec!["Acting Governor"]);
    assert_eq!(roles("Lia Moreno"), vec!["then-Senator"]);
    // Each role carries the span it was read from.
    let r = &person(&a, "Kasper Lind").roles[0];
    assert_eq!(r.span.text(t), "harbour authority spokesperson");
}

#[test]
fn not_people_places_orgs_dateline_days() {
    let t = "BRAVOS (Wire Service) - The Valdoran Ministry of Fisheries said on Monday that stocks fell. \
             In March the Greenfield University board met in Lisbon. Polish and Dutch officials were there.";
    let a = run(t);
    assert!(a.people.is_empty(), "{:?}", names(&a));
}

#[test]
fn curly_straight_single_guillemet_quotes() {
    let t = "“We will rebuild the pier,” said Lotte Brandt. \
             Brandt added: \"Every plank.\" \
             Her deputy, Omar Haddad, was blunter: ‘It rots.’ \
             Haddad later wrote « Nothing lasts here », echoing her.";
    let a = run(t);
    let (lb, oh) = (idx(&a, "Lotte Brandt"), idx(&a, "Omar Haddad"));
    assert_eq!(quote(&a, t, "We will rebuild").speaker, Some(lb));
    assert_eq!(quote(&a, t, "Every plank").speaker, Some(lb));
    assert_eq!(quote(&a, t, "It rots").speaker, Some(oh));
    assert_eq!(quote(&a, t, "Nothing lasts here").speaker, Some(oh));
}

#[test]
fn inverted_and_before_attribution() {
    let t = "Mayor Priya Nair spoke first. “The bridge opens in May,” said Nair. \
             Engineer Bo Lindqvist told reporters: “It is safe.” \
             “Costs rose,” the mayor said.";
    let a = run(t);
    let (pn, bl) = (idx(&a, "Priya Nair"), idx(&a, "Bo Lindqvist"));
    assert_eq!(quote(&a, t, "The bridge").speaker, Some(pn));
    assert_eq!(quote(&a, t, "It is safe").speaker, Some(bl));
    let q = quote(&a, t, "Costs rose");
    assert_eq!(
        q.speaker,
        Some(pn),
        "the description resolves through the role"
    );
    assert!(person(&a, "Priya Nair")
        .mentions
        .iter()
        .any(|m| m.kind == MentionKind::Description));
}

#[test]
fn across_sentences_pronoun_and_continuing_quotes() {
    let t = "Coach Dario Bellini praised the squad after the match on Sunday. Rival coach Hana Mori was less kind.\n\
             Bellini said the defence held. “We suffered. We stayed calm. We won,” he said. “Next week matters more.”\n\
             “It was luck,” she replied.";
    let a = run(t);
    let (db, hm) = (idx(&a, "Dario Bellini"), idx(&a, "Hana Mori"));
    let q = quote(&a, t, "We suffered");
    assert_eq!(q.speaker, Some(db));
    assert_eq!(q.speaker_text.as_deref(), Some("he"));
    assert!(
        q.span.text(t).contains("We won"),
        "one quote over three sentences"
    );
    assert_eq!(
        quote(&a, t, "Next week").speaker,
        Some(db),
        "continuing quote"
    );
    assert_eq!(
        quote(&a, t, "It was luck").speaker,
        Some(hm),
        "she → the woman mentioned"
    );
    let pron = person(&a, "Dario Bellini")
        .mentions
        .iter()
        .filter(|m| m.kind == MentionKind::Pronoun)
        .count();
    assert_eq!(pron, 1);
}

#[test]
fn quote_reopened_in_next_paragraph_keeps_its_speaker() {
    let t = "Farmer Ilse Brandvold said: “The river took the lower field first.\n\
             “Then it took the barn, and the goats with it.”";
    let a = run(t);
    let ib = idx(&a, "Ilse Brandvold");
    assert_eq!(quote(&a, t, "The river").speaker, Some(ib));
    assert_eq!(quote(&a, t, "Then it took").speaker, Some(ib));
}

#[test]
fn groups_speak_without_being_people() {
    let t = "The harbour workers’ union warned that strikes would follow. \
             The island councils jointly demanded “a fair and open tender,” a week later.";
    let a = run(t);
    assert!(a.people.is_empty());
    let q = quote(&a, t, "a fair and open tender");
    assert_eq!(q.speaker, None);
    assert_eq!(q.speaker_text.as_deref(), Some("The island councils"));
    let ind = quote(&a, t, "strikes would follow");
    assert!(!ind.direct);
    assert_eq!(ind.speaker, None);
    assert!(ind.speaker_text.as_deref().unwrap_or("").contains("union"));
}

#[test]
fn indirect_speech_forms() {
    let t = "Minister Joana Melo said that the port would reopen. \
             Melo told the radio station that fees would fall. \
             The tunnel will close in June, Melo said. \
             Ferries will run twice a day, according to Melo.";
    let a = run(t);
    let jm = idx(&a, "Joana Melo");
    for start in [
        "the port would reopen",
        "fees would fall",
        "The tunnel will close",
        "Ferries will run",
    ] {
        let q = quote(&a, t, start);
        assert!(!q.direct, "{start}");
        assert_eq!(q.speaker, Some(jm), "{start}");
    }
}

#[test]
fn scare_quotes_and_names_are_not_speech() {
    let t = "Volunteers from a group called “the friends of the river” planted trees. \
             The so-called “green corridor” opened. Critics doubted the “miracle” cure.";
    let a = run(t);
    assert!(a.quotes.iter().all(|q| !q.direct), "{:?}", a.quotes);
}

#[test]
fn offsets_with_curly_quotes_accents_dashes_emoji() {
    let t = "🙂 Résumé day — “Ça va très bien,” dit Zoë Lefèvre — and Zoë’s friend Ólafur Þórsson agreed.";
    let a = run(t);
    let z = person(&a, "Zoë Lefèvre");
    assert_eq!(z.mentions[0].span.text(t), "Zoë Lefèvre");
    let q = quote(&a, t, "Ça va");
    assert_eq!(q.span.text(t), "Ça va très bien,");
    assert!(t.is_char_boundary(q.span.start) && t.is_char_boundary(q.span.end));
    person(&a, "Ólafur Þórsson");
}
