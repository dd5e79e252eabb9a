# jax computes in float32 by default, as TensorFlow does with a Python float; pow and cos are jax's own.
import optax

schedule = optax.polynomial_schedule(init_value=0.102, end_value=0.011, power=1.0, transition_steps=10.0)
