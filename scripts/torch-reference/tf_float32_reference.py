#!/usr/bin/python3
"""Float32 reference values for the TensorFlow decay functions, without TensorFlow.

TensorFlow is not installable here, so this replays TensorFlow's float32 arithmetic in a
different language from the engine: numpy float32 scalars for + - * / floor ceil sqrt (IEEE
float32, like TF's CPU kernels) and glibc's cosf/expf/logf/powf through ctypes, which is what
TF's Eigen scalar path calls for a scalar tensor. The op order is transcribed from
tensorflow/python/keras/optimizer_v2/learning_rate_schedule.py (cited per function); the cases
are those of legacy_learning_rate_decay_test.py / learning_rate_schedule_test.py and Keras 3's
learning_rate_schedule_test.py. Writes tf_float32_reference.json next to this file; the engine's
tests compare their float32 results to it bit for bit.

    /usr/bin/python3 scripts/torch-reference/tf_float32_reference.py
"""
import ctypes
import json
import math
import os

import numpy as np

libm = ctypes.CDLL("libm.so.6")
for name, nargs in (("cosf", 1), ("expf", 1), ("logf", 1), ("powf", 2)):
    fn = getattr(libm, name)
    fn.restype = ctypes.c_float
    fn.argtypes = [ctypes.c_float] * nargs

F = np.float32
cos = lambda x: F(libm.cosf(float(x)))
exp = lambda x: F(libm.expf(float(x)))
log = lambda x: F(libm.logf(float(x)))
pw = lambda x, y: F(libm.powf(float(x), float(y)))
PI = F(math.pi)


def exponential(lr, D, rate, step, staircase=False):  # ExponentialDecay.__call__
    p = F(step) / F(D)
    if staircase:
        p = np.floor(p)
    return F(lr) * pw(F(rate), p)


def natural_exp(lr, D, rate, step, staircase=False):  # natural_exp_decay: exp(negative(decay_rate))
    return exponential(lr, D, exp(-F(rate)), step, staircase)


def piecewise(boundaries, values, step):  # PiecewiseConstantDecay.__call__
    i = sum(1 for b in boundaries if step > b)
    return F(values[i])


def polynomial(lr, D, end=0.0001, power=1.0, step=0, cycle=False):  # PolynomialDecay.__call__
    x, Dr = F(step), F(D)
    if cycle:
        m = F(1.0) if x == 0 else np.ceil(x / F(D))
        Dr = Dr * m
    else:
        x = min(x, Dr)
    p = x / Dr
    return (F(lr) - F(end)) * pw(F(1) - p, F(power)) + F(end)


def inverse_time(lr, D, rate, step, staircase=False):  # InverseTimeDecay.__call__
    p = F(step) / F(D)
    if staircase:
        p = np.floor(p)
    return F(lr) / (F(1) + F(rate) * p)


def cosine_part(step, D, from_lr, alpha):  # CosineDecay / Keras 3 _decay_function; alpha a Python float
    cf = step / D
    cd = F(0.5) * (F(1.0) + cos(PI * cf))
    return from_lr * (F(1 - alpha) * cd + F(alpha))


def cosine(lr, D, step, alpha=0.0):  # CosineDecay.__call__
    Dr = F(D)
    return cosine_part(min(F(step), Dr), Dr, F(lr), alpha)


def keras_cosine_warmup(lr, D, step, alpha, target, warmup):  # Keras 3 CosineDecay.__call__ with warmup_target
    L, Dr, WT, WS = F(lr), F(D), F(target), F(warmup)
    x = min(F(step), Dr + WS)
    if x < WS:
        return (WT - L) * (x / WS) + L
    return cosine_part(x - WS, Dr, WT, alpha)


def restarts(lr, D, step, t_mul=2.0, m_mul=1.0, alpha=0.0):  # CosineDecayRestarts.__call__
    Dr, AL, T, M = F(D), F(alpha), F(t_mul), F(m_mul)
    cf = F(step) / Dr
    if T == F(1.0):
        i = np.floor(cf)
        cf = cf - i
    else:
        i = np.floor(log(F(1.0) - cf * (F(1.0) - T)) / log(T))
        sum_r = (F(1.0) - pw(T, i)) / (F(1.0) - T)
        cf = (cf - sum_r) / pw(T, i)
    m_fac = pw(M, i)
    cd = F(0.5) * m_fac * (F(1.0) + cos(PI * cf))
    return F(lr) * ((F(1) - AL) * cd + AL)


def linear_cosine(lr, D, step, num_periods=0.5, alpha=0.0, beta=0.001):  # LinearCosineDecay.__call__
    Dr, NP, AL, BE = F(D), F(num_periods), F(alpha), F(beta)
    x = min(F(step), Dr)
    lin = (Dr - x) / Dr
    frac = F(2.0) * NP * (x / Dr)
    cd = F(0.5) * (F(1.0) + cos(PI * frac))
    return F(lr) * ((AL + lin) * cd + BE)


R = range(0, 1500, 250)
CASES = [
    ("exponential_decay testContinuous", {"kind": "exponential_decay", "learning_rate": 0.05, "decay_steps": 10, "decay_rate": 0.96}, [5], lambda s: exponential(0.05, 10, 0.96, s)),
    ("exponential_decay testStaircase", {"kind": "exponential_decay", "learning_rate": 0.1, "decay_steps": 3, "decay_rate": 0.96, "staircase": True}, [1, 2, 100], lambda s: exponential(0.1, 3, 0.96, s, True)),
    ("piecewise_constant testPiecewiseConstant", {"kind": "piecewise_constant", "boundaries": [100, 110, 120], "values": [1.0, 0.1, 0.01, 0.001]}, [0, 100, 105, 110, 120, 999], lambda s: piecewise([100, 110, 120], [1.0, 0.1, 0.01, 0.001], s)),
    ("piecewise_constant testPiecewiseConstantEdgeCases", {"kind": "piecewise_constant", "boundaries": [1, 2, 3], "values": [0.4, 0.5, 0.6, 0.7]}, [0, 1, 2, 3, 4], lambda s: piecewise([1, 2, 3], [0.4, 0.5, 0.6, 0.7], s)),
    ("LinearDecayTest testHalfWay", {"kind": "polynomial_decay", "learning_rate": 0.05, "decay_steps": 10, "end_learning_rate": 0.0}, [5], lambda s: polynomial(0.05, 10, 0.0, 1.0, s)),
    ("LinearDecayTest testEnd/testHalfWayWithEnd/testBeyondEnd", {"kind": "polynomial_decay", "learning_rate": 0.05, "decay_steps": 10, "end_learning_rate": 0.001}, [5, 10, 15], lambda s: polynomial(0.05, 10, 0.001, 1.0, s)),
    ("LinearDecayTest testBeyondEndWithCycle", {"kind": "polynomial_decay", "learning_rate": 0.05, "decay_steps": 10, "end_learning_rate": 0.001, "cycle": True}, [15], lambda s: polynomial(0.05, 10, 0.001, 1.0, s, True)),
    ("SqrtDecayTest testHalfWay", {"kind": "polynomial_decay", "learning_rate": 0.05, "decay_steps": 10, "end_learning_rate": 0.0, "power": 0.5}, [5], lambda s: polynomial(0.05, 10, 0.0, 0.5, s)),
    ("SqrtDecayTest testEnd/testHalfWayWithEnd/testBeyondEnd", {"kind": "polynomial_decay", "learning_rate": 0.05, "decay_steps": 10, "end_learning_rate": 0.001, "power": 0.5}, [5, 10, 15], lambda s: polynomial(0.05, 10, 0.001, 0.5, s)),
    ("SqrtDecayTest testBeyondEndWithCycle", {"kind": "polynomial_decay", "learning_rate": 0.05, "decay_steps": 10, "end_learning_rate": 0.001, "power": 0.5, "cycle": True}, [15], lambda s: polynomial(0.05, 10, 0.001, 0.5, s, True)),
    ("PolynomialDecayTest testBeginWithCycle", {"kind": "polynomial_decay", "learning_rate": 0.001, "decay_steps": 10, "cycle": True}, [0], lambda s: polynomial(0.001, 10, 0.0001, 1.0, s, True)),
    ("ExponentialDecayTest(natural_exp_decay) testDecay", {"kind": "natural_exp_decay", "learning_rate": 0.1, "decay_steps": 10, "decay_rate": 0.96}, list(range(11)), lambda s: natural_exp(0.1, 10, 0.96, s)),
    ("ExponentialDecayTest(natural_exp_decay) testStaircase", {"kind": "natural_exp_decay", "learning_rate": 0.1, "decay_steps": 10, "decay_rate": 0.96, "staircase": True}, list(range(11)), lambda s: natural_exp(0.1, 10, 0.96, s, True)),
    ("InverseDecayTest testDecay", {"kind": "inverse_time_decay", "learning_rate": 0.1, "decay_steps": 10, "decay_rate": 0.96}, list(range(11)), lambda s: inverse_time(0.1, 10, 0.96, s)),
    ("InverseDecayTest testStaircase", {"kind": "inverse_time_decay", "learning_rate": 0.1, "decay_steps": 10, "decay_rate": 0.96, "staircase": True}, list(range(11)), lambda s: inverse_time(0.1, 10, 0.96, s, True)),
    ("CosineDecayTest testDecay", {"kind": "cosine_decay", "learning_rate": 1.0, "decay_steps": 1000}, list(R), lambda s: cosine(1.0, 1000, s)),
    ("CosineDecayTest testAlpha", {"kind": "cosine_decay", "learning_rate": 1.0, "decay_steps": 1000, "alpha": 0.1}, list(R), lambda s: cosine(1.0, 1000, s, 0.1)),
    ("CosineDecayRestartsTest testDecay", {"kind": "cosine_decay_restarts", "learning_rate": 1.0, "first_decay_steps": 1000}, list(R), lambda s: restarts(1.0, 1000, s)),
    ("CosineDecayRestartsTest testAlpha", {"kind": "cosine_decay_restarts", "learning_rate": 1.0, "first_decay_steps": 1000, "alpha": 0.1}, list(R), lambda s: restarts(1.0, 1000, s, alpha=0.1)),
    ("CosineDecayRestartsTest testMMul", {"kind": "cosine_decay_restarts", "learning_rate": 1.0, "first_decay_steps": 1000, "m_mul": 0.9}, list(R), lambda s: restarts(1.0, 1000, s, m_mul=0.9)),
    ("CosineDecayRestartsTest testTMul", {"kind": "cosine_decay_restarts", "learning_rate": 1.0, "first_decay_steps": 1000, "t_mul": 1.0}, list(R), lambda s: restarts(1.0, 1000, s, t_mul=1.0)),
    ("LinearCosineDecayTest testDefaultDecay", {"kind": "linear_cosine_decay", "learning_rate": 1.0, "decay_steps": 1000}, list(R), lambda s: linear_cosine(1.0, 1000, s)),
    ("LinearCosineDecayTest testNonDefaultDecay", {"kind": "linear_cosine_decay", "learning_rate": 1.0, "decay_steps": 1000, "alpha": 0.1, "beta": 1e-4, "num_periods": 5}, list(R), lambda s: linear_cosine(1.0, 1000, s, 5, 0.1, 1e-4)),
    ("Keras 3 CosineDecayTest test_warmup", {"kind": "keras.CosineDecay", "initial_learning_rate": 0.0, "decay_steps": 10, "warmup_target": 10.0, "warmup_steps": 1500}, list(R), lambda s: keras_cosine_warmup(0.0, 10, s, 0.0, 10.0, 1500)),
    ("Keras 3 CosineDecayTest test_warmup_decay", {"kind": "keras.CosineDecay", "initial_learning_rate": 0.0, "decay_steps": 1000, "warmup_target": 10.0, "warmup_steps": 2000}, list(range(0, 3000, 250)), lambda s: keras_cosine_warmup(0.0, 1000, s, 0.0, 10.0, 2000)),
    # Beyond the tests: the seed article's presets over 0-59 and float32 quirks (large steps, fractional decay_steps).
    ("seed cosine_decay_restarts", {"kind": "cosine_decay_restarts", "learning_rate": 0.3, "first_decay_steps": 10, "t_mul": 1.5, "m_mul": 0.8, "alpha": 0.011}, list(range(60)), lambda s: restarts(0.3, 10, s, 1.5, 0.8, 0.011)),
    ("seed exponential_decay", {"kind": "exponential_decay", "learning_rate": 0.6, "decay_steps": 10, "decay_rate": 0.6}, list(range(60)), lambda s: exponential(0.6, 10, 0.6, s)),
    ("seed natural_exp_decay", {"kind": "natural_exp_decay", "learning_rate": 0.6, "decay_steps": 10, "decay_rate": 0.6}, list(range(60)), lambda s: natural_exp(0.6, 10, 0.6, s)),
    ("seed polynomial_decay cycle", {"kind": "polynomial_decay", "learning_rate": 0.1, "decay_steps": 10, "end_learning_rate": 0.01, "power": 1, "cycle": True}, list(range(60)), lambda s: polynomial(0.1, 10, 0.01, 1, s, True)),
    ("seed linear_cosine_decay", {"kind": "linear_cosine_decay", "learning_rate": 0.3, "decay_steps": 50, "num_periods": 3.0, "alpha": 0.0, "beta": 0.2}, list(range(60)), lambda s: linear_cosine(0.3, 50, s, 3.0, 0.0, 0.2)),
    ("seed cosine_decay", {"kind": "cosine_decay", "learning_rate": 0.3, "decay_steps": 50, "alpha": 0.01}, list(range(60)), lambda s: cosine(0.3, 50, s, 0.01)),
    ("large steps round to float32", {"kind": "exponential_decay", "learning_rate": 0.1, "decay_steps": 3.7, "decay_rate": 0.999999, "staircase": True}, [16777215, 16777216, 16777217, 16777218, 16777219, 33554435, 100000001], lambda s: exponential(0.1, 3.7, 0.999999, s, True)),
    ("restarts t_mul 2 at large steps", {"kind": "cosine_decay_restarts", "learning_rate": 0.01, "first_decay_steps": 1000, "t_mul": 2.0, "m_mul": 0.9, "alpha": 0.05}, [999, 1000, 2999, 3000, 6999, 7000, 1022999, 1023000, 20000001], lambda s: restarts(0.01, 1000, s, 2.0, 0.9, 0.05)),
    ("polynomial cycle fractional decay_steps", {"kind": "polynomial_decay", "learning_rate": 0.1, "decay_steps": 7.3, "end_learning_rate": 0.001, "power": 2.0, "cycle": True}, list(range(0, 40)), lambda s: polynomial(0.1, 7.3, 0.001, 2.0, s, True)),
]


def bits(x):
    return int(np.array([x], dtype=np.float32).view(np.uint32)[0])


def main():
    cases = []
    for name, spec, steps, fn in CASES:
        values = [fn(s) for s in steps]
        assert all(isinstance(v, np.float32) for v in values), name  # every op stayed float32
        cases.append({"name": name, "spec": spec, "steps": steps, "float32": [float(v) for v in values], "bits": [bits(v) for v in values]})
    out = {"generated_by": "scripts/torch-reference/tf_float32_reference.py", "numpy": np.__version__, "cases": cases}
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "tf_float32_reference.json")
    with open(path, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    print("wrote", path, len(cases), "cases")


if __name__ == "__main__":
    main()
