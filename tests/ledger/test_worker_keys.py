"""What a claim's key is made of may be read by the worker that checked its document (index
--executor dask, --jobs with --articles), so that the one writer only writes: it must be what
the writer would have read, after the trip between processes."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from checker.engine import check_bitext
from checker.io.bilingual import read_bitexts
from checker.ledger import Ledger, documents_of, key_inputs_of

SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))


@pytest.mark.parametrize("seed", SEEDS[:4], ids=lambda p: p.name)
def test_a_workers_key_inputs_are_the_writers(seed):
    (bitext,) = read_bitexts([str(seed)])
    result = check_bitext(bitext)
    # (as a worker sends them: pickled, and read back into new objects)
    made_of = pickle.loads(pickle.dumps(key_inputs_of(result)))
    again = pickle.loads(pickle.dumps(result))
    for plain, carried in zip(documents_of(result), documents_of(again, None, made_of)):
        assert carried.key_inputs is not None and len(carried.key_inputs) == len(carried.claims)
        mine = Ledger.key_inputs(plain)
        theirs = Ledger.key_inputs(carried)
        assert [mine[id(c)] for c in plain.claims] == [theirs[id(c)] for c in carried.claims]
        assert any(k.subject for k in carried.key_inputs)       # (not a file of empty keys)
