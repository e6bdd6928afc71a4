"""How far a query word matches inside longer words (compounds), on every database."""

# Words of a query match inside longer words from this many letters (of their stem): shorter
# ones are inside too many unrelated words ("rat" in "Beratung", "Material", "Karosserie").
COMPOUND_MIN_STEM = 4
# The longer words a query word may stand for, the shortest first: each is one more term of
# the text search query.
COMPOUNDS_PER_WORD = 30
