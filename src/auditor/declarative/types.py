"""The built-in extension points, one module each (after Vale's): importing this registers them.

======================  ============================================================================
``existence``           flag listed words, phrases or patterns
``substitution``        prefer X over Y: flag Y and suggest X (a ``[swap]`` table)
``consistency``         one form or the other, not both in one article (an ``[either]`` table)
``occurrence``          at most / at least N matches per article or per 1,000 words
``capitalization``      terms that must be written with a given capitalization
``conditional``         if X appears, Y must too (e.g. an acronym spelled out once)
``names``               canonical names with their known wrong variants, with ``[[specs]]``
======================  ============================================================================
"""

from .capitalization import Capitalization
from .conditional import Conditional
from .consistency import Consistency
from .existence import Existence
from .names import Names
from .occurrence import Occurrence
from .substitution import Substitution

__all__ = ["Capitalization", "Conditional", "Consistency", "Existence", "Names", "Occurrence", "Substitution"]
