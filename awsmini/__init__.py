"""awsmini: the AWS CLI v2 command driver, fast to start and byte-compatible.

The pipeline runs argv -> command -> arguments -> values -> call -> output -> exit
code; `driver.run` is its table of contents and `main.main` its one error boundary.
"""
__version__ = "0.1.0"
