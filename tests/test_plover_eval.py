"""The PLOVER evaluation (``benchmarks/plover_eval.py``): its scoring on hand-made records,
and one end-to-end run on a few gold records when the shared gold file is present."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "plover_eval.py"


def _load():
    spec = importlib.util.spec_from_file_location("plover_eval", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules["plover_eval"] = module
    spec.loader.exec_module(module)
    return module


pe = _load()


def _actor(*names: str, codes: tuple[str, ...] = ()) -> object:
    return pe.Actor(names, frozenset(codes))


GOLD = pe.GoldEvent("R1", "DISAPPROVE", "", ("Zimbabwean Prime Minister Robert Mugabe",), ("United States",))
US = _actor("United States", "U.S.", codes=("USA",))
ZIMBABWE = _actor("Zimbabwe", "Zimbabwean", codes=("ZWE",))
FRANCE = _actor("France", codes=("FRA",))


def test_true_positive_by_name_and_by_gazetteer() -> None:
    hit = pe.Predicted("DISAPPROVE", "", "dispute", (ZIMBABWE, US))
    assert pe.event_matches(GOLD, hit)
    # "Great Britain" is the United Kingdom through kg's country gazetteer, not by spelling.
    gold = pe.GoldEvent("R2", "AGREE", "", ("Libya",), ("Great Britain",))
    uk = _actor("United Kingdom", codes=("GBR",))
    libya = _actor("Libya", codes=("LBY",))
    assert pe.event_matches(gold, pe.Predicted("AGREE", "", "cooperation", (libya, uk)))


def test_wrong_type_is_no_match_but_counts_for_type_only_when_right() -> None:
    wrong = pe.Predicted("DEMAND", "", "dispute", (ZIMBABWE, US))
    assert not pe.event_matches(GOLD, wrong)
    assert not pe.event_matches(GOLD, wrong, actors=False)
    right_type_wrong_actors = pe.Predicted("DISAPPROVE", "", "dispute", (ZIMBABWE, FRANCE))
    assert pe.event_matches(GOLD, right_type_wrong_actors, actors=False)


def test_wrong_actors_are_no_match() -> None:
    assert not pe.event_matches(GOLD, pe.Predicted("DISAPPROVE", "", "dispute", (ZIMBABWE, FRANCE)))
    # One actor cannot stand for both the source and the target.
    assert not pe.event_matches(GOLD, pe.Predicted("DISAPPROVE", "", "dispute", (US,)))


def test_reciprocal_sources_count_as_a_set_of_two() -> None:
    gold = pe.GoldEvent("R3", "AGREE", "", ("Jordan", "Britain"), ())
    jordan, uk = _actor("Jordan", codes=("JOR",)), _actor("United Kingdom", "Britain", codes=("GBR",))
    assert pe.event_matches(gold, pe.Predicted("AGREE", "", "cooperation", (uk, jordan)))
    assert not pe.event_matches(gold, pe.Predicted("AGREE", "", "cooperation", (jordan, FRANCE)))


def test_scores_count_false_positives_and_one_to_one_matching() -> None:
    agree = pe.GoldEvent("R4", "AGREE", "", ("France",), ())
    sentences = [pe.Sentence("s1", (GOLD,)), pe.Sentence("s2", (agree,))]
    hit = pe.Predicted("DISAPPROVE", "", "dispute", (ZIMBABWE, US))
    predictions = [[hit, hit, pe.Predicted("THREATEN", "", "dispute", (US, ZIMBABWE))], []]
    scores = pe.score(sentences, predictions)
    # The duplicate takes no second gold event: one true positive, two false positives.
    assert scores.row("DISAPPROVE")[:3] == (1, 2, 1)
    assert scores.row("THREATEN")[:3] == (0, 1, 0)
    assert scores.row("AGREE")[:3] == (1, 0, 0)
    g, p, t, precision, recall, _ = scores.row("all")
    assert (g, p, t) == (2, 3, 1)
    assert precision == pytest.approx(1 / 3) and recall == pytest.approx(1 / 2)
    table = pe.confusion(sentences, predictions)
    assert table["DISAPPROVE"] == {"DISAPPROVE": 1, "THREATEN": 1}
    assert table["AGREE"] == {"none": 1}


def test_consult_mode_is_compared_on_true_positives_only() -> None:
    visit = pe.GoldEvent("C1", "CONSULT", "visit", ("United States",), ("Zimbabwe",))
    phone = pe.GoldEvent("C2", "CONSULT", "phone", ("United States",), ("France",))
    sentences = [pe.Sentence("s1", (visit,)), pe.Sentence("s2", (phone,)), pe.Sentence("s3", (GOLD,))]
    predictions = [[pe.Predicted("CONSULT", "visit", "visit", (US, ZIMBABWE))],
                   [pe.Predicted("CONSULT", "", "meeting", (US, FRANCE))],
                   [pe.Predicted("CONSULT", "phone", "phone_call", (US, ZIMBABWE))]]
    assert pe.mode_agreement(sentences, predictions) == (1, 2)


def test_gold_loading_skips_the_document_record_and_pools_repeated_sentences(tmp_path: Path) -> None:
    record = {"text": "Iran threatened Iraq.", "event": "THREATEN", "id": "T1",
              "source": [{"actorText": "Iran"}], "target": [{"actorText": "Iraq"}]}
    repeated = {**record, "id": "T2", "target": [{"actorText": ""}]}
    records = [{"event": "DOCUMENT", "id": "D"}, record, repeated]
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    sentences = pe.load_gold(path)
    assert len(sentences) == 1
    assert [g.id for g in sentences[0].gold] == ["T1", "T2"]
    assert sentences[0].gold[1].targets == ()


@pytest.mark.slow
def test_end_to_end_on_a_few_gold_records(capsys: pytest.CaptureFixture[str]) -> None:
    if not pe.DEFAULT_GOLD.is_file():
        pytest.skip(f"the shared PLOVER gold file is not at {pe.DEFAULT_GOLD}")
    assert pe.main(["--limit", "6"]) == 0
    out = capsys.readouterr().out
    assert "PLOVER gold records: 6 in 6 sentences" in out
    assert "micro" in out and "Confusion" in out
    # Runs kg for real: the sentences are parsed and some event is coded.
    sentences = pe.load_gold(pe.DEFAULT_GOLD)[:6]
    predictions = pe.predict(sentences)
    assert any(predictions)
    assert all(p.plover and p.kind for events in predictions for p in events)
