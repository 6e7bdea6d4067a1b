"""Coding streams in batches: ten times the documents does not raise peak memory materially."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.scale import peak_rss_mib


def test_peak_memory_does_not_grow_with_the_corpus(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("DYAD_BATCH_SIZE", "16")
    # each process first codes 48 other documents, so spaCy's caches are as full in both
    small, small_events = peak_rss_mib(20, tmp_path / "x1", warmup=48)
    large, large_events = peak_rss_mib(200, tmp_path / "x10", warmup=48)
    assert large_events > 5 * small_events > 0
    assert large - small < max(20.0, 0.05 * small), f"1x {small:.0f} MiB, 10x {large:.0f} MiB"


@pytest.mark.parametrize("count, size, parts", [(0, 4, 0), (4, 4, 1), (9, 4, 3)])
def test_batches_cover_every_document(count: int, size: int, parts: int) -> None:
    from warehouse.staging import plan_parts

    plan = plan_parts(count, size, Path("stage"))
    assert len(plan) == parts
    covered = [index for where, _ in plan for index in range(count)[where]]
    assert covered == list(range(count))
    assert len({path for _, path in plan}) == parts
