"""ReportLab's C accelerator is installed and is what ReportLab uses."""

from __future__ import annotations

import types


def test_reportlab_uses_its_c_accelerator():
    from reportlab.lib import rl_accel

    # With the rl_accel package, ReportLab's hot helpers are C functions, not Python ones.
    assert {"fp_str", "escapePDF", "instanceStringWidthTTF"} <= set(rl_accel._c_funcs)
    assert isinstance(rl_accel.fp_str, types.BuiltinFunctionType)
    assert isinstance(rl_accel.instanceStringWidthTTF, types.BuiltinFunctionType)
