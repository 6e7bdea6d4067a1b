"""Data contracts: one pandera model per table, typed frame builders, the quarantine split."""
