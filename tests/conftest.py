import pytest

from newsfacts import Pipeline


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    """The real models, loaded once for the whole test session."""
    return Pipeline()
