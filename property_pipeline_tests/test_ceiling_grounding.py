"""Grounding that holds on layouts nobody tuned for: Spanish labels, a print sheet's packed grid."""

from __future__ import annotations

from property_pipeline.extraction.grounding import is_grounded

SPANISH = """Precio: $485,000
Recámaras: 4
Baños: 2 completos, 1 medio
Pies cuadrados: 1,720
Tamaño del terreno: 7,150 pies²
Año de construcción: 1999
Estacionamiento: Cochera para 2 autos
Niveles: 1
Piscina: Privada
Cuota de HOA mensual: $75"""

PRINT_SHEET = (
    "ML#: 6906154 Stat: C List $: 489,900 Sold $: 482,000 Addr: 1548 E Gemini Dr Type: Patio City: Tempe AZ 85283 "
    "BR/BA: 3/2 SqFt: 1,406 Lot Ac: 0.12 Yr Blt: 1979 Stry: 1 Gar Spcs: 2 Pvt Pool: N HOA: Y $390/Qtr"
)


def test_spanish_labels_ground_the_values_they_state_and_only_those():
    stated = {
        "list_price": 485000.0, "bedrooms_total": 4, "bathrooms_full": 2, "living_area": 1720.0,
        "lot_size_square_feet": 7150.0, "year_built": 1999, "garage_spaces": 2.0, "stories": 1,
        "association_fee": 75.0, "pool_private_yn": True, "association_fee_frequency": "Monthly",
    }
    for name, value in stated.items():
        assert is_grounded(name, value, SPANISH) is True, name
    # The lot is no living area, the half bath no full bath, the HOA fee no price.
    assert is_grounded("living_area", 7150.0, SPANISH) is False
    assert is_grounded("bathrooms_full", 1, SPANISH) is False
    assert is_grounded("list_price", 75.0, SPANISH) is False


def test_a_packed_print_line_grounds_each_value_by_its_own_label():
    for name, value in {
        "list_price": 489900.0, "bedrooms_total": 3, "bathrooms_full": 2, "living_area": 1406.0,
        "lot_size_acres": 0.12, "year_built": 1979, "stories": 1, "garage_spaces": 2.0,
    }.items():
        assert is_grounded(name, value, PRINT_SHEET) is True, name
    # The sold price is labelled as sold, the ZIP is no living area.
    assert is_grounded("list_price", 482000.0, PRINT_SHEET) is False
    assert is_grounded("living_area", 85283.0, PRINT_SHEET) is False
    assert is_grounded("year_built", 1406, PRINT_SHEET) is False


def test_sf_is_square_feet():
    assert is_grounded("living_area", 1104.0, "2bd/2ba\n1,104 sf condo Status: Active") is True
