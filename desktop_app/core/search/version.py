"""The index format's version, in a module that imports nothing: the health check at start-up
(:func:`desktop_app.core.search.storage.check_files`) compares it with the manifest without importing
Whoosh (or numpy), which the first search then imports."""

# Bump when the schema, the analyzer or the meaning of a field changes: check() then reports
# "outdated schema (vN -> vM)" and the Library rebuilds.
# 2: FastCharacters postings; 3: array blocks (IndexCodec); 4: payloads apart; 5: uncompressed position
# deltas in every block (formats.FastPostingsWriter). tests/unit/test_search_health.py fingerprints the
# postings layout: when it fails, bump this and record the new fingerprint.
SCHEMA_VERSION = 5
