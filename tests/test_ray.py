"""The Ray executor on a real local Ray cluster bound to 127.0.0.1: the outputs of a local run."""

from __future__ import annotations

import pytest

from conftest import COMPARED, CREATED, SAMPLE, read_outputs, run_cli, run_sample

ray = pytest.importorskip("ray", reason="Ray is an optional extra: pip install '.[ray]'")

QUIET_RAY = {"RAY_USAGE_STATS_ENABLED": "0", "RAY_AUTH_MODE": "disabled"}  # no usage reports, no token files


@pytest.fixture(scope="module")
def cluster():
    """A two-CPU Ray cluster on loopback, shared by this module's tests."""
    with pytest.MonkeyPatch.context() as patch:
        for name, value in QUIET_RAY.items():
            patch.setenv(name, value)
        ray.init(num_cpus=2, include_dashboard=False, _node_ip_address="127.0.0.1", log_to_driver=False,
                 configure_logging=False)
        yield ray
        ray.shutdown()


@pytest.fixture(scope="module")
def local_outputs(sample_run):
    return read_outputs(sample_run.outdir)


def test_cli_starts_a_private_loopback_cluster_and_matches_local(local_outputs, tmp_path):
    """Runs first, before the module's shared cluster exists."""
    proc = run_cli(["run", SAMPLE, "-o", tmp_path / "out", "--executor", "ray", "--workers", "2", "--created", CREATED,
                    "--quiet"], tmp_path / "cache", env=QUIET_RAY)
    assert proc.returncode == 0, proc.stderr
    for name in COMPARED:
        assert (tmp_path / "out" / name).read_bytes() == local_outputs[name], name


def test_ray_run_writes_the_outputs_of_a_local_run(cluster, local_outputs, tmp_path):
    assert cluster.cluster_resources()["CPU"] == 2
    outputs = run_sample(tmp_path / "ray", tmp_path / "cache", {"execution.executor": "ray"})  # its own cold cache
    for name in COMPARED:
        assert outputs[name] == local_outputs[name], name
    assert cluster.is_initialized()  # a cluster the run did not start is left running
