//! The labels the tagger gives: O, then B-, I-, L- and U- of person, org, place and misc
//! (BILOU), and how a sequence of them spells names.

/// Labels: O, then for person, org, place (LOC) and misc, in that order, B- (first of
/// several tokens), I- (inside), L- (last) and U- (a name of one token). BILOU tells the
/// model more than BIO about where names end.
pub const N_LABELS: usize = 17;
pub type Label = u8;
pub const O: Label = 0;
/// Stands for "no label" (before the sentence, or no first-pass label).
pub(super) const NONE: Label = N_LABELS as Label;

pub(super) const B: u8 = 0;
const I: u8 = 1;
pub(super) const L: u8 = 2;
const U: u8 = 3;

const fn label(k: usize, position: u8) -> Label {
    1 + 4 * k as Label + position
}

pub(super) const fn position(label: Label) -> u8 {
    (label - 1) % 4
}

/// The entity type (0..4) of a label.
pub const fn label_type(label: Label) -> Option<usize> {
    if label != O && (label as usize) < N_LABELS {
        Some((label as usize - 1) / 4)
    } else {
        None
    }
}

/// [`label_type`] with `usize::MAX` for none, for use in `const` tables.
const fn type_index(label: Label) -> usize {
    match label_type(label) {
        Some(k) => k,
        None => usize::MAX,
    }
}

/// Whether `label` starts a name (B- or U-).
pub const fn is_begin(label: Label) -> bool {
    type_index(label) != usize::MAX && matches!(position(label), B | U)
}

/// Whether `label` leaves a name open for the next token (B- or I-).
pub const fn is_open(label: Label) -> bool {
    type_index(label) != usize::MAX && matches!(position(label), B | I)
}

/// Whether `label` may follow `prev`: an I- or L- only continues an open name of its type.
/// An open name may also stop without its L- (the reading of [`name_end`]): greedy
/// decoding that must close every B- with an L- runs names on through commas.
pub const fn allowed(prev: Label, label: Label) -> bool {
    label == O || is_begin(label) || is_open(prev) && type_index(label) == type_index(prev)
}

/// Labels for one name of type `k` over `span.len()` tokens.
pub fn encode_name(k: usize, labels: &mut [Label]) {
    let n = labels.len();
    for (j, l) in labels.iter_mut().enumerate() {
        *l = label(
            k,
            match (j, n) {
                (_, 1) => U,
                (0, _) => B,
                (j, n) if j + 1 == n => L,
                _ => I,
            },
        );
    }
}

/// The end (exclusive) of the name starting at `start`, reading leniently: it goes on
/// while tokens continue its type without starting a new name, and stops after an L-.
pub fn name_end(labels: &[Label], start: usize, limit: usize) -> usize {
    let k = label_type(labels[start]);
    let mut end = start + 1;
    if labels[start] != O && position(labels[start]) == U {
        return end;
    }
    while end < limit && label_type(labels[end]) == k && !is_begin(labels[end]) {
        end += 1;
        if position(labels[end - 1]) == L {
            break;
        }
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        let (b_per, i_per, l_per, u_per, b_org) = (
            label(0, B),
            label(0, I),
            label(0, L),
            label(0, U),
            label(1, B),
        );
        assert_eq!(
            (label_type(u_per), label_type(label(3, L))),
            (Some(0), Some(3))
        );
        assert!(
            allowed(b_per, i_per)
                && allowed(i_per, l_per)
                && allowed(l_per, b_org)
                && allowed(O, u_per)
        );
        assert!(
            !allowed(O, i_per)
                && !allowed(b_per, label(1, L))
                && !allowed(u_per, l_per)
                && allowed(b_per, O)
        );
        let mut three = [O; 3];
        encode_name(2, &mut three);
        assert_eq!(three, [label(2, B), label(2, I), label(2, L)]);
        assert_eq!(name_end(&three, 0, 3), 3);
        assert_eq!(name_end(&[u_per, u_per], 0, 2), 1);
    }
}
