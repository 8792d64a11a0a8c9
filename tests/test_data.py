"""datasets/ 의 CSV와 helpers.load_dataset."""

import pytest

import helpers
from helpers.data import DATASETS

EXPECTED_SHAPES = {
    "breast_cancer": (569, 31),
    "iris": (150, 5),
    "wine": (178, 14),
    "diabetes": (442, 11),
    "multilabel": (1000, 16),
    "moons": (1000, 3),
}


@pytest.mark.parametrize("name", sorted(EXPECTED_SHAPES))
def test_each_dataset_loads_complete(name):
    frame = helpers.load_dataset(name)
    assert frame.shape == EXPECTED_SHAPES[name]
    assert not frame.isna().any().any()
    assert not any(c.lower() in {"id", "index", "unnamed: 0"} for c in frame.columns), "ID 열이 섞였다"


def test_names_match_registry():
    assert helpers.dataset_names() == sorted(DATASETS) == sorted(EXPECTED_SHAPES)


def test_string_class_names_for_multiclass():
    assert set(helpers.load_dataset("iris")["species"]) == {"setosa", "versicolor", "virginica"}
    assert set(helpers.load_dataset("wine")["cultivar"]) == {"class_0", "class_1", "class_2"}


def test_load_xy_splits_target():
    X, y = helpers.load_xy("breast_cancer")
    assert X.shape == (569, 30) and "target" not in X.columns
    assert set(y.unique()) == {0, 1}
    X, Y = helpers.load_xy("multilabel")
    assert X.shape == (1000, 12) and Y.shape == (1000, 4)


@pytest.mark.parametrize("bad", ["mnist", "Iris", "", None])
def test_unknown_name_lists_the_names(bad):
    with pytest.raises(helpers.UnknownDatasetError) as info:
        helpers.load_dataset(bad)
    message = str(info.value)
    assert "데이터셋은 없습니다" in message
    for name in EXPECTED_SHAPES:
        assert name in message


def test_csv_files_are_reproducible(tmp_path, monkeypatch):
    """커밋된 CSV는 datasets/make_datasets.py가 만드는 것과 바이트까지 같다."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_datasets", helpers.data.DATASETS_DIR / "make_datasets.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "HERE", tmp_path)
    module.main()
    for name in EXPECTED_SHAPES:
        fresh = (tmp_path / f"{name}.csv").read_bytes()
        assert fresh == (helpers.data.DATASETS_DIR / f"{name}.csv").read_bytes(), name


def test_train_test_data_scales_on_train_only_and_stratifies():
    import numpy as np

    raw_train, _, _, _ = helpers.train_test_data("breast_cancer", test_size=0.2, seed=0)
    assert raw_train.mean() > 1  # 기본은 표준화하지 않음 (원래 값)
    X_train, X_test, y_train, y_test = helpers.train_test_data("breast_cancer", test_size=0.2, seed=0, scale=True)
    assert X_train.shape == (455, 30) and X_test.shape == (114, 30) and X_train.dtype == np.float32
    assert np.allclose(X_train.mean(axis=0), 0, atol=1e-5)  # 훈련 데이터 기준 표준화
    assert not np.allclose(X_test.mean(axis=0), 0, atol=1e-3)  # 시험 데이터에는 맞추지 않음
    assert abs(y_train.mean() - y_test.mean()) < 0.02  # 층화 추출로 양성 비율 유지


def test_train_test_data_label_encoding_and_bad_size():
    import numpy as np

    _, _, y_train, y_test = helpers.train_test_data("iris", encode_labels=True)
    assert set(np.unique(y_train)) == {0, 1, 2} and np.bincount(y_test).tolist() == [10, 10, 10]
    _, _, y_raw, _ = helpers.train_test_data("iris")
    assert y_raw.dtype.kind == "O"
    with pytest.raises(ValueError, match="test_size는 0과 1 사이"):
        helpers.train_test_data("iris", test_size=20)
