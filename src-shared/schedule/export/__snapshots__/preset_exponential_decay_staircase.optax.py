# jax computes in float32 by default, as TensorFlow does with a Python float; pow and cos are jax's own.
import optax

schedule = optax.exponential_decay(init_value=0.6, transition_steps=10.0, decay_rate=0.6, staircase=True)
