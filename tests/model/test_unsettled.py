"""Which painted zones rest only on provisional referral (drawn with a dashed edge)."""

from __future__ import annotations

from bodymap.model import Catalog
from bodymap.model.schema import Referral, combined_zones, unsettled_zones


def test_a_zone_is_unsettled_only_when_no_referral_paints_it_so_without_doubt():
    first = Referral(essential=("sacrum", "buttock"), spillover=("calf_upper",),
                     provisional=("buttock", "calf_upper"))
    second = Referral(essential=("calf_upper",), spillover=("buttock",))
    # Alone, the first TrP's provisional zones are unsettled.
    assert unsettled_zones([first]) == {"buttock", "calf_upper"}
    # With the second: the calf is painted essential, settled so by the second TrP; the buttock
    # is painted essential only by the first, provisionally (the second's spillover there does
    # not settle an essential zone).
    assert unsettled_zones([first, second]) == {"buttock"}
    assert unsettled_zones([second]) == frozenset()


def test_every_unsettled_zone_of_the_built_in_data_is_painted_and_listed_provisional(
        catalog: Catalog):
    found = 0
    for muscle in catalog.muscles.values():
        referrals = [t.referral for t in muscle.trigger_points]
        essential, spillover = combined_zones(referrals)
        unsure = unsettled_zones(referrals)
        found += len(unsure)
        assert unsure <= essential | spillover
        assert all(any(z in r.provisional for r in referrals) for z in unsure)
    assert found  # the data has some (gluteus minimus's reach to the knee)
