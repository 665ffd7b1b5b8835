//! French help for the errors learners meet first. It is shown under Go's own message, never
//! instead of it: the reader learns to read what Go says.

/// An error or outcome the page explains.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hint {
    UnusedVariable,
    UnusedImport,
    Deadlock,
    NegativeWaitGroup,
    /// main returned while other goroutines still had lines to print.
    LinesLost,
}

impl Hint {
    pub const ALL: [Hint; 5] =
        [Hint::UnusedVariable, Hint::UnusedImport, Hint::Deadlock, Hint::NegativeWaitGroup, Hint::LinesLost];

    pub fn text_fr(self) -> &'static str {
        match self {
            Hint::UnusedVariable => {
                "Go refuse de compiler une variable déclarée mais jamais lue. Servez-vous-en, supprimez-la, \
                 ou écrivez _ à la place de son nom si la valeur ne sert pas."
            }
            Hint::UnusedImport => {
                "Un paquet importé doit servir : utilisez-le, ou supprimez sa ligne dans import (goimports le fait \
                 pour vous dans un éditeur)."
            }
            Hint::Deadlock => {
                "Toutes les goroutines attendent et aucune minuterie ne tourne : personne ne pourra les réveiller. \
                 Cherchez un wg.Done() oublié, un WaitGroup passé par valeur au lieu de &wg, ou un envoi sur un \
                 channel que personne ne lit. La liste ci-dessus dit où attend chaque goroutine."
            }
            Hint::NegativeWaitGroup => {
                "Done a été appelé plus souvent que Add n’a compté. Appelez wg.Add(1) avant chaque go, et un seul \
                 Done par goroutine, de préférence avec defer wg.Done()."
            }
            Hint::LinesLost => {
                "main est revenu avant la fin des autres goroutines : le programme s’arrête aussitôt et leurs \
                 lignes suivantes ne s’affichent jamais. Attendez-les avec un sync.WaitGroup (wg.Wait()) ou un \
                 channel."
            }
        }
    }
}
