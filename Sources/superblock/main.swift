print("superblock")
