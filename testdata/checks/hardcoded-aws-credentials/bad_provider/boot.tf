# A key ID pasted into an instance's boot script.
resource "aws_instance" "worker" {
  ami           = "ami-0c1c30571d2dae5c9"
  instance_type = "t3.micro"
  user_data     = <<-EOT
    #!/bin/bash
    export AWS_ACCESS_KEY_ID=AKIAONUSFAKEKEY00007
    /opt/worker/run
  EOT
}
