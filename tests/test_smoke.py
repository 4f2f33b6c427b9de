import pressclip


def test_public_api_names() -> None:
    assert set(pressclip.__all__) >= {"extract", "Article", "PressclipError"}


def test_extract_is_the_function() -> None:
    assert callable(pressclip.extract)
