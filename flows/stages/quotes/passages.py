"""Passages of reported speech: sentences that go on without a cue of their own are one
quotation, and reported speech of no one named takes the speaker the next sentence's tag names."""

from __future__ import annotations

from dataclasses import replace

from flows.stages.quotes.sentence import Quote


def joined_passages(quotes: list[Quote], found: list[Quote], paragraph: str, offset: int
                    ) -> list[Quote]:
    """Reported speech that goes on over several sentences without a cue of its own is one
    passage ("Der Konflikt sei nicht ethnisch. Keinesfalls dürfe ..."), as a direct quotation
    over several sentences is one quotation. The passage's text is cut once it is complete
    (`passage_text`): a long paragraph is not copied sentence by sentence."""
    for quote in found:
        before = next((k for k in range(len(quotes) - 1, -1, -1)
                       if quotes[k].kind != "partial"), None)
        if before is not None and _goes_on(quotes[before], quote, paragraph, offset):
            quotes[before] = replace(quotes[before], char_end=quote.char_end)
        else:
            quotes.append(quote)
    return quotes


def passage_text(quote: Quote, paragraph: str, offset: int) -> Quote:
    if len(quote.text) == quote.char_end - quote.char_start:
        return quote
    return replace(quote, text=paragraph[quote.char_start - offset:quote.char_end - offset])


def said_next(quotes: list[Quote], paragraph: str, offset: int) -> list[Quote]:
    """Reported speech of no one named, right before speech whose tag names the speaker, is
    theirs ("Das habe ihn nicht irritiert. Alles geht über seinen Schreibtisch, sagt X.")."""
    statements = [k for k, quote in enumerate(quotes) if quote.kind != "partial"]
    for k, after in zip(statements, statements[1:], strict=False):
        quote, tagged = quotes[k], quotes[after]
        if quote.speaker is None and quote.kind == "indirect" and tagged.speaker and \
                not tagged.continues and _next_sentence(quote, tagged, paragraph, offset):
            quotes[k] = replace(quote, speaker=tagged.speaker, speaker_type=tagged.speaker_type,
                                speaker_mention=tagged.speaker_mention, cue=tagged.cue)
    return quotes


def _goes_on(passage: Quote, quote: Quote, paragraph: str, offset: int) -> bool:
    """`quote` continues `passage` in the very next sentence, with the same speaker."""
    return passage.continues and quote.continues and passage.speaker == quote.speaker \
        and _next_sentence(passage, quote, paragraph, offset)


def _next_sentence(first: Quote, second: Quote, paragraph: str, offset: int) -> bool:
    """Nothing but a sentence's end between the two quotations."""
    return not paragraph[first.char_end - offset:second.char_start - offset].strip(" .!?\n")
