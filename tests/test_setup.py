"""helpers.setup(): 경고, TensorFlow 시작 로그, 시드, GPU 설정, 보고."""

import subprocess
import sys
import warnings

import numpy as np
import pytest

import helpers
from helpers import environment, quiet

TF_NOISE = ("cudart_stub", "oneDNN custom operations", "absl::InitializeLog", "cuda_platform", "cuInit")


def test_setup_prints_report_and_is_safe_twice(capsys):
    first = helpers.setup(seed=7)
    second = helpers.setup(seed=7)
    out = capsys.readouterr().out
    assert first == second
    assert out.count("TensorFlow 2.21.0") == 2 and "Keras 3.15.1" in out
    assert f"한글 글꼴: {first.font}" in out
    assert first.device.startswith(("CPU", "GPU"))


def test_setup_rejects_bad_seed():
    with pytest.raises(ValueError, match="seed는 0 이상의 정수"):
        helpers.setup(seed="42")


def test_import_is_free_of_tensorflow_startup_noise():
    """새 프로세스에서 setup()을 부르면 C++ 시작 로그가 stderr에 한 줄도 나오지 않는다."""
    code = "import helpers; helpers.setup(); import keras; keras.ops.ones((2,)).numpy()"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert not [n for n in TF_NOISE if n in run.stderr], run.stderr
    assert "TensorFlow" in run.stdout


def test_control_without_helpers_shows_the_noise():
    """대조군: helpers 없이 tensorflow를 불러오면 그 로그가 정말 나온다 (위 검사가 의미 있음을 보임)."""
    code = "import tensorflow as tf; tf.config.list_physical_devices()"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert [n for n in TF_NOISE if n in run.stderr], "TensorFlow가 조용해졌다면 이 대조군을 고칠 것"


def test_student_warning_still_shows_but_library_noise_is_hidden():
    helpers.setup(report=False)
    import keras

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("default")
        quiet.configure_warnings()  # simplefilter가 지운 잡음 필터를 다시 건다
        noise = "__array__ implementation doesn't accept a copy keyword, so ..."
        warnings.warn(noise, DeprecationWarning, stacklevel=1)
        model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1, activation="softmax")])
        model.predict(np.ones((2, 3)), verbose=0)
    messages = [str(w.message) for w in caught]
    assert any("softmax" in m and "always return the value 1" in m for m in messages), messages
    assert not any("copy keyword" in m for m in messages)


def test_warning_format_hides_install_paths():
    text = quiet.short_warning(UserWarning("조심"), UserWarning, "/usr/lib/x/site-packages/y.py", 9)
    assert text == "UserWarning: 조심\n"


def test_same_seed_gives_identical_training():
    import keras

    def train():
        helpers.setup(seed=123, report=False)
        X, y = helpers.load_xy("breast_cancer")
        X = ((X - X.mean()) / X.std()).to_numpy("float32")
        model = keras.Sequential(
            [keras.Input((30,)), keras.layers.Dense(8, activation="relu"), keras.layers.Dense(1, activation="sigmoid")]
        )
        model.compile(optimizer="adam", loss="binary_crossentropy")
        history = model.fit(X, y.to_numpy(), epochs=3, batch_size=32, verbose=0)
        return history.history["loss"], [w.copy() for w in model.get_weights()]

    loss_a, weights_a = train()
    loss_b, weights_b = train()
    assert loss_a == loss_b
    assert all(np.array_equal(a, b) for a, b in zip(weights_a, weights_b, strict=True))


class _FakeGPU:
    name = "/physical_device:GPU:0"


class _FakeTF:
    """이미 초기화된 GPU가 하나 있는 TensorFlow 흉내: set_memory_growth가 RuntimeError를 낸다."""

    class config:
        @staticmethod
        def list_physical_devices(kind):
            return [_FakeGPU()]

        class experimental:
            @staticmethod
            def get_memory_growth(gpu):
                return False

            @staticmethod
            def set_memory_growth(gpu, value):
                raise RuntimeError("Physical devices cannot be modified after being initialized")

            @staticmethod
            def get_device_details(gpu):
                return {"device_name": "Fake GPU"}


def test_gpu_config_after_initialisation_never_raises():
    device, count, notes = environment.configure_gpus(_FakeTF)
    assert device == "GPU 1개 (Fake GPU)" and count == 1
    assert "커널을 재시작" in notes[0]


def test_gpu_config_on_cpu_only_machine():
    import tensorflow as tf

    device, count, notes = environment.configure_gpus(tf)
    if tf.config.list_physical_devices("GPU"):
        pytest.skip("이 기계에는 GPU가 있다")
    assert (device, count, notes) == ("CPU (GPU 없음)", 0, [])


def test_workdir_is_relative_and_checked(tmp_path, monkeypatch):
    monkeypatch.chdir(helpers.paths.ROOT)
    path = helpers.workdir("pytest_tmp")
    assert not path.is_absolute() and path.is_dir()
    (path / "x.txt").write_text("x")
    assert not any(helpers.workdir("pytest_tmp").iterdir())  # clean=True
    with pytest.raises(ValueError, match="작업 폴더 이름"):
        helpers.workdir("../escape")


def test_tensorflow_logger_stays_quiet_after_import():
    """TensorFlow는 'tensorflow' 로거를 처음 쓸 때, 대화형(Jupyter)이면 INFO 수준 + stdout으로 설정한다.
    setup() 뒤에는 그 로거의 경고(예: 'WARNING:tensorflow:5 out of the last 7 calls ... retracing')가 안 보여야 한다."""
    code = (
        "import sys; sys.ps1 = '>>> '\n"  # 대화형 환경 흉내 (TensorFlow가 이것으로 판단한다)
        "import logging\n"
        "import helpers; helpers.setup(report=False)\n"
        "logging.getLogger().handlers.clear()\n"  # Jupyter 커널처럼 루트 로거에 처리기가 없는 상태
        "import tensorflow as tf\n"
        "tf.get_logger().warning('retracing noise')\n"
        "print('level', logging.getLogger('tensorflow').getEffectiveLevel())\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "retracing noise" not in run.stdout + run.stderr
    assert "level 40" in run.stdout


def test_small_models_switches_grappler_off_on_cpu_only():
    import tensorflow as tf

    if tf.config.list_physical_devices("GPU"):
        pytest.skip("이 기계에는 GPU가 있다 (GPU에서는 그래프 최적화를 건드리지 않는다)")
    try:
        helpers.setup(report=False)
        assert tf.config.optimizer.get_experimental_options().get("min_graph_nodes") == environment.SMALL_GRAPH_NODES
        helpers.setup(report=False, small_models=False)
        assert not tf.config.optimizer.get_experimental_options().get("min_graph_nodes")
    finally:
        helpers.setup(report=False)


def test_graph_optimizer_changes_results_only_far_below_printed_digits():
    """00_setup: 그래프 최적화를 켜 두어도 결과는 소수 여덟째 자리쯤에서만 다르다 (출력하는 넷째 자리는 같다)."""
    import keras

    X = np.random.default_rng(0).random((64, 8)).astype("float32")
    y = (X.sum(axis=1) > 4).astype("float32")
    losses = []
    try:
        for small_models in (True, False):
            helpers.setup(report=False, small_models=small_models)
            model = keras.Sequential([keras.Input(shape=(8,)), keras.layers.Dense(16, activation="relu"),
                                      keras.layers.Dense(1, activation="sigmoid")])
            model.compile(optimizer=keras.optimizers.Adam(0.01), loss="binary_crossentropy")
            losses.append(model.fit(X, y, epochs=5, batch_size=16, verbose=0).history["loss"])
    finally:
        helpers.setup(report=False)
    np.testing.assert_allclose(losses[0], losses[1], rtol=0, atol=1e-6)
    assert [round(v, 4) for v in losses[0]] == [round(v, 4) for v in losses[1]]
