# jax computes in float32 by default, as TensorFlow does with a Python float; pow and cos are jax's own.
import optax

schedule = optax.exponential_decay(init_value=0.1, transition_steps=7.0, decay_rate=0.5, staircase=True)
