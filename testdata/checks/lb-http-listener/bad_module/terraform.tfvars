# "Temporarily" plain HTTP while the certificate is being issued.
listener_protocol = "HTTP"
