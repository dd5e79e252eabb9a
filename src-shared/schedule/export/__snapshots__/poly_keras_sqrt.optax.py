# jax computes in float32 by default, as TensorFlow does with a Python float; pow and cos are jax's own.
import optax

schedule = optax.polynomial_schedule(init_value=0.1, end_value=0.0, power=0.5, transition_steps=40.0)
